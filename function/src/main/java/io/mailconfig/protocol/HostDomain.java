package io.mailconfig.protocol;

import io.mailconfig.http.Request;
import io.mailconfig.model.DomainNames;
import java.util.Optional;

/** The mail domain a request names by its host alone, {@code <prefix><domain>}: PACC's and MTA-STS's way. */
public final class HostDomain {

    private HostDomain() {
    }

    /** The canonical domain after {@code prefix} in the Host header, or empty when the host is not of that form. */
    public static Optional<String> of(Request request, String prefix) {
        return request.host().filter(host -> host.startsWith(prefix)).flatMap(host -> DomainNames.normalize(host.substring(prefix.length())));
    }
}
