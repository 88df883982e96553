package io.mailconfig.infra;

import io.mailconfig.protocol.autoconfig.MozillaAutoconfig;
import io.mailconfig.protocol.mtasts.MtaSts;
import io.mailconfig.protocol.pacc.Pacc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.ICachePolicy;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.IOriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.constructs.Construct;

/**
 * What the edge caches, and by what, shared by every distribution: the viewer-request function and
 * one cache policy per cached path. Only these answers may be kept by anyone: Autoconfig's
 * {@code config-v1.1.xml}, autodiscover.json, PACC's document and the MTA-STS policy ({@code Cache-Control: public}). Their cache key is
 * exactly what the protocol reads (see {@link #CACHED}), so no answer for one address is ever
 * served for another. Everything else (Autodiscover POX, profiles, the setup page, errors) passes
 * through a behaviour that caches nothing and forwards the whole request. Plain HTTP is answered
 * like HTTPS: the origin is always asked over HTTPS, with the Host the client asked for.
 */
public final class EdgeCaching extends Construct {

    /** The autodiscover.json endpoint, with the {@code /v1.0/<address>} form below it. */
    static final String AUTODISCOVER_JSON_PATH = "/autodiscover/autodiscover.json";
    /** Caches keep an answer at most this long, even when its Cache-Control allows longer. */
    static final Duration MAX_TTL = Duration.days(1);

    /**
     * A path whose answers may be cached, and what changes them besides the path.
     *
     * @param queryParameters lower case: the viewer function lower-cases these names
     * @param keyedHeaders    request headers that are part of the key
     */
    public record CachedPath(String pathPattern, List<String> queryParameters, List<String> keyedHeaders) {
    }

    /**
     * Autoconfig reads {@code emailaddress}, else the domain from Host; autodiscover.json the path,
     * {@code email} and {@code protocol}; PACC and MTA-STS the domain from Host alone.
     */
    public static final List<CachedPath> CACHED = List.of(
            new CachedPath(MozillaAutoconfig.PATH, List.of("emailaddress"), List.of("Host")),
            new CachedPath(MozillaAutoconfig.WELL_KNOWN_PATH, List.of("emailaddress"), List.of("Host")),
            new CachedPath(MozillaAutoconfig.DRAFT_PATH, List.of("emailaddress"), List.of("Host")),
            new CachedPath(Pacc.PATH, List.of(), List.of("Host")),
            new CachedPath(MtaSts.PATH, List.of(), List.of("Host")),
            new CachedPath(AUTODISCOVER_JSON_PATH + "*", List.of("email", "protocol"), List.of()));

    private final software.amazon.awscdk.services.cloudfront.Function viewerRequest;
    private final Map<CachedPath, ICachePolicy> policies = new LinkedHashMap<>();

    public EdgeCaching(Construct scope, String id) {
        super(scope, id);
        viewerRequest = software.amazon.awscdk.services.cloudfront.Function.Builder.create(this, "QueryNames")
                .comment("mailconfig: query parameter names of the cache keys in lower case")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(viewerRequestCode()))
                .build();
        int n = 0;
        for (CachedPath path : CACHED) {
            policies.put(path, CachePolicy.Builder.create(this, "Key" + n++)
                    .comment("mailconfig " + path.pathPattern() + ": keyed by " + String.join(", ",
                            java.util.stream.Stream.concat(path.queryParameters().stream(), path.keyedHeaders().stream()).toList()))
                    // 0 unless the answer says otherwise: only what Cache-Control allows is kept.
                    .defaultTtl(Duration.seconds(0))
                    .minTtl(Duration.seconds(0))
                    .maxTtl(MAX_TTL)
                    .queryStringBehavior(path.queryParameters().isEmpty() ? CacheQueryStringBehavior.none()
                            : CacheQueryStringBehavior.allowList(path.queryParameters().toArray(String[]::new)))
                    .headerBehavior(path.keyedHeaders().isEmpty() ? CacheHeaderBehavior.none()
                            : CacheHeaderBehavior.allowList(path.keyedHeaders().toArray(String[]::new)))
                    .cookieBehavior(CacheCookieBehavior.none())
                    .enableAcceptEncodingGzip(true)
                    .enableAcceptEncodingBrotli(true)
                    .build());
        }
    }

    /** The viewer-request function's source, with the keyed parameter names filled in. */
    public static String viewerRequestCode() {
        String keyed = CACHED.stream().flatMap(path -> path.queryParameters().stream()).distinct()
                .map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]"));
        try (InputStream source = EdgeCaching.class.getResourceAsStream("viewer-request.js")) {
            return new String(Optional.ofNullable(source).orElseThrow(() -> new IllegalStateException("viewer-request.js is missing"))
                    .readAllBytes(), StandardCharsets.UTF_8).replace("KEYED_PARAMETERS", keyed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything that is not cached: the whole request goes to the origin, nothing is kept. */
    public BehaviorOptions defaultBehavior(IOrigin origin) {
        return behavior(origin, CachePolicy.CACHING_DISABLED, OriginRequestPolicy.ALL_VIEWER);
    }

    /** The cached paths; the cache key's parts travel to the origin, plus the Host its custom domain name needs. */
    public Map<String, BehaviorOptions> cachedBehaviors(IOrigin origin) {
        Map<String, BehaviorOptions> behaviors = new LinkedHashMap<>();
        policies.forEach((path, policy) -> behaviors.put(path.pathPattern(), behavior(origin, policy,
                path.keyedHeaders().contains("Host") ? null : OriginRequestPolicy.HOST_HEADER_ONLY)));
        return behaviors;
    }

    private BehaviorOptions behavior(IOrigin origin, ICachePolicy cachePolicy, IOriginRequestPolicy originRequestPolicy) {
        return BehaviorOptions.builder()
                .origin(origin)
                // Plain HTTP for the clients that still ask over it (KMail); the same answer as HTTPS.
                .viewerProtocolPolicy(ViewerProtocolPolicy.ALLOW_ALL)
                // Every method reaches the function, which answers 405 itself where one does not fit.
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(cachePolicy)
                .originRequestPolicy(originRequestPolicy)
                .compress(true)
                .functionAssociations(List.of(FunctionAssociation.builder()
                        .function(viewerRequest).eventType(FunctionEventType.VIEWER_REQUEST).build()))
                .build();
    }
}
