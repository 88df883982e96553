package io.mailconfig.installation;

import java.util.Optional;

/**
 * What a domain publishes besides Autoconfig and Autodiscover, chosen in the installation
 * ({@code "publish": ["pacc", "mta-sts", "tls-rpt", "dav"]}). Each adds DNS records whose values
 * follow the table; PACC and MTA-STS also a host of the domain's own, with a certificate for it.
 */
public enum Publication {
    /** {@code ua-auto-config.<domain>} and the {@code _ua-auto-config} TXT record (PACC). */
    PACC("pacc", "ua-auto-config.", "UaAutoConfig"),
    /** {@code mta-sts.<domain>} and the {@code _mta-sts} TXT record (RFC 8461). */
    MTA_STS("mta-sts", "mta-sts.", "MtaSts"),
    /** The {@code _smtp._tls} TXT record (RFC 8460): where senders report TLS failures. */
    TLS_RPT("tls-rpt", null, null),
    /** {@code _caldavs._tcp} and {@code _carddavs._tcp} SRV and {@code path=} TXT records (RFC 6764). */
    DAV("dav", null, null);

    /** The name in the configuration, and of the function's record kinds. */
    public final String id;
    private final String hostPrefix;
    private final String constructId;

    Publication(String id, String hostPrefix, String constructId) {
        this.id = id;
        this.hostPrefix = hostPrefix;
        this.constructId = constructId;
    }

    /** The host this publication is served on, e.g. {@code ua-auto-config.}; empty for records alone. */
    public Optional<String> hostPrefix() {
        return Optional.ofNullable(hostPrefix);
    }

    /** The name of the host's resources in the stacks, e.g. {@code UaAutoConfig}. */
    String constructId() {
        return constructId;
    }

    public static Optional<Publication> of(String id) {
        for (Publication publication : values()) {
            if (publication.id.equals(id)) {
                return Optional.of(publication);
            }
        }
        return Optional.empty();
    }
}
