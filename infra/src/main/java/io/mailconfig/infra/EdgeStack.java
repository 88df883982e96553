package io.mailconfig.infra;

import io.mailconfig.installation.Edge;
import io.mailconfig.installation.HostPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.constructs.Construct;

/**
 * What CloudFront needs from us-east-1, whatever region the rest runs in: the AWS WAF web ACL that
 * every distribution uses (a per-address rate limit) and one certificate per pair of hosts.
 */
public final class EdgeStack extends Stack {

    /** Blocked clients may ask again once the window has passed. */
    static final int WINDOW_SECONDS = 300;
    static final String TOO_MANY = "too-many-requests";

    private final CfnWebACL webAcl;
    private final Map<HostPair, ICertificate> certificates = new LinkedHashMap<>();

    public EdgeStack(Construct scope, String id, StackProps props, Edge edge, List<HostPair> hostPairs) {
        super(scope, id, props);
        webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .name("mailconfig")
                .description("mailconfig: at most " + edge.requestsPerIpPer5Minutes() + " requests per client address in five minutes")
                .scope("CLOUDFRONT")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .customResponseBodies(Map.of(TOO_MANY, CfnWebACL.CustomResponseBodyProperty.builder()
                        .contentType("TEXT_PLAIN").content("too many requests").build()))
                .rules(List.of(CfnWebACL.RuleProperty.builder()
                        .name("requests-per-address")
                        .priority(0)
                        .statement(CfnWebACL.StatementProperty.builder().rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .aggregateKeyType("IP")
                                .limit(edge.requestsPerIpPer5Minutes())
                                .evaluationWindowSec(WINDOW_SECONDS)
                                .build()).build())
                        .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder()
                                .customResponse(CfnWebACL.CustomResponseProperty.builder()
                                        .responseCode(429)
                                        .customResponseBodyKey(TOO_MANY)
                                        .responseHeaders(List.of(CfnWebACL.CustomHTTPHeaderProperty.builder()
                                                .name("Retry-After").value(Integer.toString(WINDOW_SECONDS)).build()))
                                        .build())
                                .build()).build())
                        .visibilityConfig(visibility("mailconfig-requests-per-address"))
                        .build()))
                .visibilityConfig(visibility("mailconfig"))
                .build();
        for (HostPair pair : hostPairs) {
            Construct scopeOfPair = new Construct(this, pair.domain());
            certificates.put(pair, DomainsStack.certificate(scopeOfPair, pair));
        }
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true).metricName(metric).sampledRequestsEnabled(true).build();
    }

    public CfnWebACL webAcl() {
        return webAcl;
    }

    /** The us-east-1 certificate of a pair of hosts, for its distributions. */
    public ICertificate certificate(HostPair pair) {
        return certificates.get(pair);
    }
}
