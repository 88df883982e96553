package io.mailconfig.installation;

import java.util.List;

/**
 * The records one domain needs in its own DNS (its Route 53 zone or the administrator's DNS).
 *
 * @param certificateHosts hosts of this domain that have a certificate, whose DNS validation
 *                         records ACM names when the certificate is requested (in Route 53 the
 *                         certificate's stack creates them; elsewhere the administrator does)
 */
public record DomainRecords(String domain, Dns dns, List<DnsRecord> records, List<String> certificateHosts) {

    public DomainRecords {
        records = List.copyOf(records);
        certificateHosts = List.copyOf(certificateHosts);
    }
}
