package io.mailconfig.protocol.autodiscover;

import java.util.Objects;
import java.util.Optional;

/**
 * What a POX Autodiscover request asks: the address and the schema the answer must follow.
 *
 * @param emailAddress the EMailAddress as sent, not yet checked; empty when the request holds none
 * @param schema       the AcceptableResponseSchema as sent, or the one implied by the request's
 *                     namespace when the client named none
 */
record AutodiscoverRequest(Optional<String> emailAddress, String schema) {

    AutodiscoverRequest {
        Objects.requireNonNull(emailAddress, "emailAddress");
        Objects.requireNonNull(schema, "schema");
    }
}
