package io.mailconfig.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail domain served by a provider.
 *
 * @param name          the domain in lower-case ASCII (an internationalised name in punycode)
 * @param aliasOf       when set, addresses here are rewritten to this domain (Autodiscover redirectAddr)
 * @param activeSyncUrl the Exchange ActiveSync endpoint, for domains that offer one
 */
public record Domain(String name, Optional<String> aliasOf, Optional<URI> activeSyncUrl) {

    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aliasOf, "aliasOf");
        Objects.requireNonNull(activeSyncUrl, "activeSyncUrl");
    }

    public static Domain named(String name) {
        return new Domain(name, Optional.empty(), Optional.empty());
    }
}
