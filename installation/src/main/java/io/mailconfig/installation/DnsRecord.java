package io.mailconfig.installation;

/**
 * One DNS record the installation needs.
 *
 * @param name  absolute, without the root's trailing dot, e.g. {@code _imaps._tcp.example.com}
 * @param type  {@code SRV}, {@code CNAME}, or {@code A} and {@code AAAA} for Route 53 alias records
 * @param ttl   seconds; Route 53 answers an alias record with its target's own TTL
 * @param alias a Route 53 alias record, which only Route 53 can hold
 */
public record DnsRecord(String name, String type, RecordValue value, int ttl, boolean alias) {

    /** SRV records change when servers move: an hour keeps resolvers' caches short enough. */
    public static final int SRV_TTL = 3600;
    /** A host's target changes when the edge is switched on or off. */
    public static final int HOST_TTL = 300;
    /** ACM's validation records never change while the certificate lives. */
    public static final int VALIDATION_TTL = 3600;
}
