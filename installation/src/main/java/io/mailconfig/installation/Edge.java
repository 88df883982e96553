package io.mailconfig.installation;

import java.util.List;

/**
 * The optional CloudFront distribution in front of the API, with an AWS WAF web ACL.
 *
 * @param requestsPerIpPer5Minutes the WAF rate-based rule: an address asking more often is answered 429 until it slows down
 * @param priceClass               CloudFront's price class: which edge locations serve
 */
public record Edge(int requestsPerIpPer5Minutes, String priceClass) {

    /** A mail client's set-up takes a handful of requests; 600 in five minutes lets a whole office behind one address through. */
    public static final int DEFAULT_REQUESTS_PER_IP_PER_5_MINUTES = 600;
    /** The least the WAF accepts for a rate-based rule. */
    public static final int MIN_REQUESTS_PER_5_MINUTES = 10;
    public static final String DEFAULT_PRICE_CLASS = "PriceClass_100";
    public static final List<String> PRICE_CLASSES = List.of("PriceClass_100", "PriceClass_200", "PriceClass_All");
    /** CloudFront's certificates and web ACLs live in this region, whatever region the rest runs in. */
    public static final String REGION = "us-east-1";
}
