package io.mailconfig.installation;

/** What a DNS record points at: known from the configuration, or only once the stacks are deployed. */
public sealed interface RecordValue {

    /** The record's data as the configuration gives it, e.g. an SRV record's {@code 0 1 993 imap.example.com.}. */
    record Text(String data) implements RecordValue {
    }

    /**
     * Whatever serves {@code host}: the regional domain name of its API Gateway custom domain name,
     * or, with the edge, its CloudFront distribution. AWS names it on deployment.
     */
    record ServingEndpoint(String host) implements RecordValue {
    }
}
