package io.mailconfig.installation;

import java.util.Optional;

/**
 * Every SRV service RFC 6186 and RFC 8314 define for mail, and Autodiscover's. Clients compare the
 * priority across IMAP and POP3 (RFC 6186 section 3.4) and prefer implicit TLS (RFC 8314 section
 * 5.1), so implicit TLS comes before STARTTLS, and IMAP before POP3.
 */
public enum SrvService {
    IMAPS("imaps", 993, 0),
    IMAP("imap", 143, 10),
    POP3S("pop3s", 995, 20),
    POP3("pop3", 110, 30),
    SUBMISSIONS("submissions", 465, 0),
    SUBMISSION("submission", 587, 10),
    AUTODISCOVER("autodiscover", 443, 0);

    /** The name in the configuration and in the record, {@code _<key>._tcp}. */
    public final String key;
    public final int port;
    public final int priority;

    SrvService(String key, int port, int priority) {
        this.key = key;
        this.port = port;
        this.priority = priority;
    }

    /** The record's name for a domain, {@code _<key>._tcp.<domain>}. */
    public String recordName(String domain) {
        return "_" + key + "._tcp." + domain;
    }

    public static Optional<SrvService> of(String key) {
        for (SrvService service : values()) {
            if (service.key.equals(key)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
