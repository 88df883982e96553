package io.mailconfig.installation;

import java.util.List;

/**
 * One mail domain of the installation.
 *
 * @param hosts whether the domain has its own {@code autoconfig.}/{@code autodiscover.} hosts
 *              (a certificate and two custom domain names), or only DNS records pointing clients
 *              at the shared hosts
 * @param srv   the SRV records to publish, in RFC 6186 order; never empty, autodiscover is always there
 */
public record MailDomain(String name, Dns dns, Hosts hosts, List<SrvRecord> srv) {

    public enum Hosts {
        /** {@code autoconfig.<name>} and {@code autodiscover.<name>} are served here, with their certificate. */
        OWN,
        /** Clients reach the shared hosts through the domain's MX and SRV records; no certificate, no custom domain name. */
        SHARED
    }

    public MailDomain {
        srv = List.copyOf(srv);
    }

    public HostPair hostPair() {
        return new HostPair(name, dns);
    }
}
