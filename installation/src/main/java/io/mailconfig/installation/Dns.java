package io.mailconfig.installation;

/** Where a domain's DNS records live, and so who creates them. */
public sealed interface Dns {

    /** Any DNS service outside this AWS account (a registrar, Cloudflare, BIND): the administrator creates the records. */
    Dns EXTERNAL = new External();

    /** A Route 53 public hosted zone of this account: the stacks create the records in it. */
    record Route53(String hostedZoneId, String zoneName) implements Dns {
    }

    /** Records printed by {@code ./dev cli dns} for the administrator to create. */
    record External() implements Dns {
    }

    default boolean isRoute53() {
        return this instanceof Route53;
    }
}
