package io.mailconfig.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.mailconfig.http.Route;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Seeded generators of random and hostile API Gateway events for every route: route paths in any
 * letter case and below prefixes, junk paths, every method, query strings with hostile
 * {@code emailaddress}/{@code Email}/{@code Protocol}/{@code name} values, odd Host and
 * Content-Type headers, huge values, control characters, invalid UTF-8 and XML bodies with DTDs.
 * A third are a real client's request with one hostile touch; the rest are hostile throughout.
 *
 * <p>The same seed and try number always give the same request, so a failure is replayed exactly.
 */
public final class HostileRequests {

    /** Sent after markup characters; a reflection of it unescaped is an injection. */
    public static final String MARKER = "mkzq7";

    private final List<Route> routes;
    private final SplittableRandom random;

    private HostileRequests(List<Route> routes, SplittableRandom random) {
        this.routes = List.copyOf(routes);
        this.random = random;
    }

    /** The request of one try of a run. */
    public static APIGatewayV2HTTPEvent request(List<Route> routes, long seed, int tryNumber) {
        return new HostileRequests(routes, new SplittableRandom(seed + tryNumber * 0x9E3779B97F4A7C15L)).request();
    }

    private APIGatewayV2HTTPEvent request() {
        return weighted(w(1, this::clientLike), w(2, this::hostileThroughout));
    }

    private APIGatewayV2HTTPEvent hostileThroughout() {
        return event(method(), path(), query(), headers(), body(), random.nextBoolean());
    }

    private APIGatewayV2HTTPEvent clientLike() {
        Route route = pick(routes);
        String address = pick(List.of("alice@example.com", "Bob@EXAMPLE.NET", "carol@b\u00fccher.example",
                "dave@nowhere.example", "erin", "frank@@example.com"));
        String extra = random.nextBoolean() ? ""
                : "&" + encode(pick(List.of("name", "Protocol", "x", "redirect"))) + "=" + encode(hostile());
        String query = pick(List.of("emailaddress", "Email", "EmailAddress")) + "=" + encode(address) + extra;
        byte[] body = random.nextBoolean() ? new byte[0] : utf8(autodiscoverRequest(pick(List.of(
                "alice@example.com", "Bob@EXAMPLE.NET", "carol@b\u00fccher.example", "dave@nowhere.example", "erin",
                "frank@@example.com"))));
        String path = route.ignoreCase() ? anyCase(route.path()) : route.path();
        return event(pick(List.copyOf(route.methods())), path, query, headers(), body, false);
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String query, Map<String, String> headers,
            byte[] body, boolean base64) {
        boolean asBase64 = base64 || !isUtf8(body);
        String encoded = body.length == 0 ? null
                : asBase64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(query)
                .withHeaders(headers)
                .withBody(encoded)
                .withIsBase64Encoded(encoded != null && asBase64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withDomainName(headers.getOrDefault("host", "autoconfig.example.com"))
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").withSourceIp("192.0.2.1").build())
                        .build())
                .build();
    }

    private String method() {
        TreeSet<String> known = new TreeSet<>(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND"));
        routes.forEach(route -> known.addAll(route.methods()));
        List<String> methods = List.copyOf(known);
        return weighted(
                w(8, () -> pick(methods)),
                w(1, () -> pick(methods).toLowerCase(Locale.ROOT)),
                w(2, () -> anyString(1, 12)));
    }

    private String path() {
        return weighted(
                w(7, this::routePath),
                w(2, () -> "/" + hostile()),
                w(1, () -> pick(List.of("/", "", "//", "/..", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                        "/mail/../mail/config-v1.1.xml", "/.well-known/", "/\u0000", "/autodiscover/autodiscover.xml%00.txt"))));
    }

    private String routePath() {
        Route route = pick(routes);
        List<Supplier<String>> variants = new ArrayList<>();
        variants.add(route::path);
        variants.add(() -> route.path() + segment());
        if (route.ignoreCase()) {
            variants.add(() -> anyCase(route.path()));
        }
        if (route.prefix()) {
            variants.add(() -> route.path() + "/" + segment());
        }
        return pick(variants).get();
    }

    private String anyCase(String path) {
        Random letters = new Random(random.nextLong());
        StringBuilder out = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            out.append(letters.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private String segment() {
        return random.nextBoolean() ? stringOf("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-~", 0, 20) : hostile();
    }

    private String query() {
        if (random.nextInt(2) == 0) {
            return pick(List.of("", "&", "&&=&", "=", "emailaddress", "emailaddress=%", "emailaddress=%E0%A4%A",
                    "emailaddress=a%40example.com&emailaddress=b%40example.net"));
        }
        List<String> pairs = new ArrayList<>();
        for (int count = random.nextInt(6); pairs.size() < count; ) {
            String name = weighted(
                    w(6, () -> pick(List.of("emailaddress", "EmailAddress", "EMAILADDRESS", "Email", "email",
                    "Protocol", "protocol", "name", "Name", "redirect", "callback"))),
                    w(1, this::hostile));
            String value = weighted(
                    w(3, this::address),
                    w(1, () -> pick(List.of("ActiveSync", "AutodiscoverV1", "Ews", "imap", ""))),
                    w(3, this::hostile));
            pairs.add(switch (random.nextInt(4)) {
                case 0 -> encode(name) + "=" + encode(value);
                case 1 -> name + "=" + value;
                case 2 -> encode(name);
                default -> encode(name) + "=" + value.replace("%", "%25").replace("&", "%26") + "%zz%C3%28%00";
            });
        }
        return String.join("&", pairs);
    }

    private String address() {
        String local = random.nextBoolean() ? pick(List.of("alice", "carol", "a.b+tag", "\"quoted\"", "")) : hostile();
        String domain = random.nextBoolean()
                ? pick(List.of("example.com", "EXAMPLE.NET", "b\u00fccher.example", "xn--bcher-kva.example", "nowhere.example",
                        "example.com.", "[192.0.2.1]", "localhost", "x".repeat(300) + ".example", "a..example.com"))
                : hostile();
        return local + "@" + domain;
    }

    /** Strings an attacker or a broken client sends: markup with the marker, controls, huge, odd Unicode. */
    private String hostile() {
        return weighted(
                w(4, () -> pick(List.of(
                        "<" + MARKER + ">", "\"" + MARKER, "'" + MARKER, "</x><" + MARKER + "/>", "\"><" + MARKER + " a=\"",
                        "<script>alert('" + MARKER + "')</script>", "]]><" + MARKER + ">", "{\"" + MARKER + "\":1}",
                        "\"," + "\"" + MARKER + "\":\"", "%3C" + MARKER + "%3E", "&lt;" + MARKER, "&" + MARKER + ";",
                        "<?xml version=\"1.0\"?><" + MARKER + "/>", "\r\nX-" + MARKER + ": injected", "${jndi:ldap://" + MARKER + "}",
                        "\u202e" + MARKER, "\ufeff", "\ud800", "\u0000", "..", "%", "%%", "%00", "%0d%0aX-" + MARKER + ":1"))),
                w(2, () -> anyString(0, 40)),
                w(1, () -> stringOf(controls(), 0, 10)),
                w(1, () -> "<" + MARKER + ">" + "A".repeat(300 + random.nextInt(70_000 - 300 + 1))),
                w(2, () -> pick(List.of("<" + MARKER + ">", "\"" + MARKER)) + anyString(0, 10)));
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", weighted(
                w(4, () -> pick(List.of("autoconfig.example.com", "example.com", "autodiscover.example.net", "EXAMPLE.ORG",
                        "autoconfig.nowhere.example", "localhost", "127.0.0.1:8080", "[::1]:443", "example.com:99999", ""))),
                w(1, this::hostile)));
        headers.put("content-type", random.nextBoolean()
                ? pick(List.of("application/xml", "text/xml; charset=utf-8", "application/json", "text/plain",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=" + MARKER, "application/xml; charset=utf-16"))
                : hostile());
        headers.put("user-agent", random.nextBoolean()
                ? pick(List.of("Thunderbird/128.0", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0)",
                        "iOS/17.0 (21A329) dataaccessd/1.0", "Mozilla/5.0"))
                : hostile());
        if (random.nextBoolean()) {
            headers.put("origin", "https://evil.example");
            headers.put("access-control-request-method", "GET");
        }
        String extra = hostile();
        if (random.nextBoolean()) {
            headers.put("x-" + MARKER, extra);
        }
        return headers;
    }

    private byte[] body() {
        return weighted(
                w(4, () -> new byte[0]),
                w(3, () -> utf8(autodiscoverRequest(xmlEscape(random.nextBoolean() ? address() : hostile())))),
                w(2, () -> utf8(autodiscoverRequest(random.nextBoolean() ? address() : hostile()))),
                w(2, () -> utf8(pick(List.of(
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + autodiscoverBody("&x;"),
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"" + MARKER + "\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                                + autodiscoverBody("&d;@example.com"),
                        "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:1/" + MARKER + ".dtd\">" + autodiscoverBody("alice@example.com"),
                        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + autodiscoverBody("alice@example.com"),
                        "{\"EMailAddress\":\"<" + MARKER + ">@example.com\",\"Protocol\":\"ActiveSync\"}",
                        "<Autodiscover><Request><EMailAddress>alice@example.com",
                        "emailaddress=%3C" + MARKER + "%3E%40example.com")))),
                w(1, this::randomBytes),
                w(1, () -> pick(List.of(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x00, '<'},
                        concat(utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover><Request><EMailAddress>"),
                                new byte[] {(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                utf8("@example.com</EMailAddress></Request></Autodiscover>"))))),
                w(1, () -> utf8(autodiscoverRequest("a".repeat(10_000 + random.nextInt(290_001)) + "@example.com"))));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(2049)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    // ---- choosing ----

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A generator and how often it is chosen relative to the others. */
    private record Weighted<T>(int weight, Supplier<T> generator) {
    }

    private static <T> Weighted<T> w(int weight, Supplier<T> generator) {
        return new Weighted<>(weight, generator);
    }

    @SafeVarargs
    private <T> T weighted(Weighted<T>... choices) {
        int chosen = random.nextInt(Arrays.stream(choices).mapToInt(Weighted::weight).sum());
        for (Weighted<T> choice : choices) {
            chosen -= choice.weight();
            if (chosen < 0) {
                return choice.generator().get();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** Any UTF-16 code units, lone surrogates included. */
    private String anyString(int min, int max) {
        return build(min, max, () -> (char) random.nextInt(Character.MAX_VALUE + 1));
    }

    private String stringOf(String alphabet, int min, int max) {
        return build(min, max, () -> alphabet.charAt(random.nextInt(alphabet.length())));
    }

    private String build(int min, int max, Supplier<Character> next) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(next.get());
        }
        return out.toString();
    }

    private static String controls() {
        StringBuilder chars = new StringBuilder();
        for (char c = 0; c <= 0x1f; c++) {
            chars.append(c);
        }
        return chars.append('\u007f').append('\u0085').append('\u2028').toString();
    }

    // ---- building ----

    public static String autodiscoverRequest(String email) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + autodiscoverBody(email);
    }

    private static String autodiscoverBody(String email) {
        return "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>" + email + "</EMailAddress>"
                + "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
                + "</AcceptableResponseSchema></Request></Autodiscover>";
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String encode(String component) {
        return URLEncoder.encode(component, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
