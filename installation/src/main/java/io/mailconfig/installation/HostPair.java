package io.mailconfig.installation;

import java.util.List;

/**
 * The two HTTPS host names mailconfig serves for one domain, {@code autoconfig.<domain>} and
 * {@code autodiscover.<domain>}: one certificate covers both, each is an API Gateway custom domain
 * name (and, with the edge, a CloudFront distribution). A mail domain with its own hosts has one
 * pair; in the hosting-provider mode one shared pair serves every customer domain.
 */
public record HostPair(String domain, Dns dns) {

    public static final String AUTOCONFIG = "autoconfig.";
    public static final String AUTODISCOVER = "autodiscover.";

    public String autoconfig() {
        return AUTOCONFIG + domain;
    }

    public String autodiscover() {
        return AUTODISCOVER + domain;
    }

    /** Both host names, autoconfig first: the certificate's name and its one alternative name. */
    public List<String> hosts() {
        return List.of(autoconfig(), autodiscover());
    }
}
