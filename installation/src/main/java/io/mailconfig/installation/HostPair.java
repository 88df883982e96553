package io.mailconfig.installation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The HTTPS host names mailconfig serves for one domain: {@code autoconfig.<domain>} and
 * {@code autodiscover.<domain>}, and {@code ua-auto-config.<domain>} and {@code mta-sts.<domain>}
 * when the domain publishes PACC or MTA-STS. One certificate covers them all; each is an API
 * Gateway custom domain name (and, with the edge, a CloudFront distribution). A mail domain with
 * its own hosts has one pair; in the hosting-provider mode one shared pair serves every customer domain.
 *
 * @param publications what the domain publishes; only those with a host add one
 */
public record HostPair(String domain, Dns dns, Set<Publication> publications) {

    public static final String AUTOCONFIG = "autoconfig.";
    public static final String AUTODISCOVER = "autodiscover.";

    public HostPair {
        publications = Set.copyOf(publications);
    }

    /** Only the autoconfig and autodiscover hosts. */
    public HostPair(String domain, Dns dns) {
        this(domain, dns, Set.of());
    }

    public String autoconfig() {
        return AUTOCONFIG + domain;
    }

    public String autodiscover() {
        return AUTODISCOVER + domain;
    }

    /** Every host name, autoconfig first: the certificate's name, then its alternative names. */
    public List<String> hosts() {
        List<String> hosts = new ArrayList<>(List.of(autoconfig(), autodiscover()));
        for (Publication publication : Publication.values()) {
            if (publications.contains(publication)) {
                publication.hostPrefix().ifPresent(prefix -> hosts.add(prefix + domain));
            }
        }
        return List.copyOf(hosts);
    }

    /** The name of a host's resources in the stacks: {@code Autoconfig}, {@code Autodiscover}, {@code UaAutoConfig}, {@code MtaSts}. */
    public static String constructId(String host) {
        if (host.startsWith(AUTOCONFIG)) {
            return "Autoconfig";
        }
        for (Publication publication : Publication.values()) {
            if (publication.hostPrefix().filter(host::startsWith).isPresent()) {
                return publication.constructId();
            }
        }
        return "Autodiscover";
    }
}
