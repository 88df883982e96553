package io.mailconfig.installation;

/**
 * An SRV record {@code _<service>._tcp.<domain>}: a host and port, or {@code .} for a service the
 * domain decidedly does not offer (RFC 2782, RFC 6186 section 3.4). Weight 1: one target per service.
 */
public record SrvRecord(SrvService service, String target, int port) {

    /** The target that says "not offered". */
    public static final String NOT_OFFERED = ".";
    static final int WEIGHT = 1;

    public static SrvRecord notOffered(SrvService service) {
        return new SrvRecord(service, NOT_OFFERED, 0);
    }

    public boolean offered() {
        return !NOT_OFFERED.equals(target);
    }

    public String recordName(String domain) {
        return service.recordName(domain);
    }

    /** The record's data with an absolute target, e.g. {@code 0 1 993 imap.example.com.}; {@code 0 0 0 .} when not offered. */
    public String data() {
        return offered() ? service.priority + " " + WEIGHT + " " + port + " " + target + "." : "0 0 0 .";
    }
}
