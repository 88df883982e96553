package io.mailconfig.installation;

import java.util.List;
import java.util.Set;

/**
 * One mail domain of the installation.
 *
 * @param hosts whether the domain has its own {@code autoconfig.}/{@code autodiscover.} hosts
 *              (a certificate and two custom domain names), or only DNS records pointing clients
 *              at the shared hosts
 * @param srv   the SRV records to publish, in RFC 6186 order; never empty, autodiscover is always there
 * @param publications what else the domain publishes: PACC and MTA-STS (each with a host of its
 *              own), TLS-RPT and DAV discovery records, whose values follow the table
 */
public record MailDomain(String name, Dns dns, Hosts hosts, List<SrvRecord> srv, Set<Publication> publications) {

    public enum Hosts {
        /** {@code autoconfig.<name>} and {@code autodiscover.<name>} are served here, with their certificate. */
        OWN,
        /** Clients reach the shared hosts through the domain's MX and SRV records; no certificate, no custom domain name. */
        SHARED
    }

    public MailDomain {
        srv = List.copyOf(srv);
        publications = Set.copyOf(publications);
    }

    /** A domain that publishes nothing besides Autoconfig and Autodiscover. */
    public MailDomain(String name, Dns dns, Hosts hosts, List<SrvRecord> srv) {
        this(name, dns, hosts, srv, Set.of());
    }

    public HostPair hostPair() {
        return new HostPair(name, dns, publications);
    }
}
