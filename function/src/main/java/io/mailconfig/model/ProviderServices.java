package io.mailconfig.model;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider publishes besides its mail and DAV servers: a JMAP session URL and an OAuth
 * issuer (for PACC), the MTA-STS policy of its domains, and where sending servers report TLS
 * failures (TLS-RPT, RFC 8460). Every part is optional.
 *
 * @param tlsReports {@code mailto:} or {@code https:} URIs, in the order the table gives them
 */
public record ProviderServices(Optional<URI> jmapUrl, Optional<URI> oauthIssuer, Optional<MtaStsPolicy> mtaSts, List<URI> tlsReports) {

    public static final ProviderServices NONE = new ProviderServices(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public ProviderServices {
        Objects.requireNonNull(jmapUrl, "jmapUrl");
        Objects.requireNonNull(oauthIssuer, "oauthIssuer");
        Objects.requireNonNull(mtaSts, "mtaSts");
        tlsReports = List.copyOf(tlsReports);
    }
}
