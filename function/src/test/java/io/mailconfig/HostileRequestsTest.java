package io.mailconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.http.Route;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import io.mailconfig.testing.TestTable;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Random and hostile requests against every route the router serves (read from
 * {@link Protocols#router}, so a protocol added later is covered without touching this class):
 * route paths in any letter case and below prefixes, junk paths, every method, query strings with
 * hostile {@code emailaddress}/{@code Email}/{@code Protocol}/{@code name} values, odd Host and
 * Content-Type headers, huge values, control characters, invalid UTF-8 and XML bodies with DTDs.
 *
 * <p>Every answer must be a 2xx, 3xx or 4xx (503 with Retry-After only while the store fails), be
 * well-formed for its content type, carry nosniff and no CORS header, reveal no stack trace or
 * internal detail, and never reflect the marker {@value #MARKER} with {@code <} or {@code "} outside
 * escaped text. Tries per property: {@code jqwik.tries.default} (junit-platform.properties or -D).
 */
class HostileRequestsTest {

    static final String MARKER = "mkzq7";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(");
    private static final Pattern SAFE_FILENAME = Pattern.compile("filename=\"?[A-Za-z0-9._-]{1,100}\"?");
    private static final List<String> LEAKS = List.of("Exception", "at io.", "java.", "software.amazon", "com.amazonaws",
            "root:x:0:0", "mailconfig-test");

    private static TestTable table;
    private static MailconfigHandler handler;
    private static MailconfigHandler failingHandler;
    private static List<Route> routes;

    @BeforeContainer
    static void start() {
        table = new TestTable().withExampleProvider();
        handler = new MailconfigHandler(table.store(), Optional.empty());
        ConfigStore failing = domain -> {
            throw new StoreUnavailableException("DynamoDB unreachable at arn:aws:dynamodb:mailconfig-test", null);
        };
        failingHandler = new MailconfigHandler(failing, Optional.empty());
        routes = Mailconfig.router(table.store(), Optional.empty()).routes();
    }

    @AfterContainer
    static void stop() {
        table.close();
    }

    @Property
    void everyAnswerIsAWellFormedClientOrSuccessAnswer(@ForAll("requests") APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);
        Statistics.label("status").collect(response.getStatusCode());
        check(request, response, false);
        // The generators must keep reaching real answers, not only the router's refusals.
        Statistics.label("status").coverage(coverage -> {
            coverage.check(200).percentage(p -> p >= 3);
            coverage.check(400).percentage(p -> p >= 3);
            coverage.check(404).percentage(p -> p >= 3);
        });
    }

    @Property
    void whileTheStoreFailsAnswersAre503WithRetryAfterOrStillClientErrors(@ForAll("requests") APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPResponse response = failingHandler.handleRequest(request, null);
        Statistics.label("status").collect(response.getStatusCode());
        check(request, response, true);
        Statistics.label("status").coverage(coverage -> coverage.check(503).percentage(p -> p >= 3));
    }

    // ---- what every answer must satisfy ----

    private static void check(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response, boolean storeFails) {
        String context = describe(request);
        int status = response.getStatusCode();
        Map<String, String> headers = lowerCase(response.getHeaders());
        if (storeFails && status == 503) {
            assertThat(headers.get("retry-after")).as(context).matches("[1-9][0-9]*");
        } else {
            assertThat(status).as(context).isBetween(200, 499);
        }
        assertThat(headers.get("x-content-type-options")).as(context).isEqualTo("nosniff");
        assertThat(headers.keySet()).as(context).noneMatch(name -> name.startsWith("access-control-"));
        String disposition = headers.get("content-disposition");
        if (disposition != null) {
            assertThat(disposition).as(context).containsPattern(SAFE_FILENAME).doesNotContain("/", "\\", "\r", "\n", MARKER);
        }

        byte[] body = body(response);
        assertThat(body.length).as(context).isLessThan(1 << 20);
        if ("HEAD".equalsIgnoreCase(method(request))) {
            assertThat(body).as(context).isEmpty();
        }
        if (body.length == 0) {
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        for (String leak : LEAKS) {
            assertThat(text).as(context).doesNotContain(leak);
        }
        assertThat(text).as(context).doesNotContainPattern(STACK_LINE);
        // A CDATA section is escaped text (dd-plist writes strings holding markup that way), so only
        // what stands outside CDATA could be markup the request made up.
        assertThat(text.replaceAll("(?s)<!\\[CDATA\\[.*?]]>", "")).as(context).doesNotContain("<" + MARKER);

        String contentType = headers.getOrDefault("content-type", "");
        assertThat(contentType).as(context).isNotEmpty();
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case "application/xml", "text/xml" -> assertXml(text, context);
            case "application/json" -> assertJson(text, context);
            case "text/plain" -> {
                assertThat(text).as(context).endsWith("\n").hasSizeLessThanOrEqualTo(200);
                assertThat(text.strip()).as(context).doesNotContain("\n", "\r");
                assertThat(text).as(context).doesNotContain("\"" + MARKER);
            }
            case "text/html" -> assertThat(text).as(context).doesNotContain("\"" + MARKER, "'" + MARKER);
            case "application/x-apple-aspen-config" -> assertProfile(body, context);
            default -> {
                // Binary or other formats (a signed profile): only the reflection check above applies.
            }
        }
    }

    /** A configuration profile: a property list (signed or not) whose keys the request did not make up. */
    private static void assertProfile(byte[] body, String context) {
        byte[] plist = body;
        if (body.length > 0 && body[0] == 0x30) {
            try {
                plist = (byte[]) new org.bouncycastle.cms.CMSSignedData(body).getSignedContent().getContent();
            } catch (Exception e) {
                throw new AssertionError("not a CMS SignedData profile (" + e.getMessage() + ") for " + context, e);
            }
        }
        com.dd.plist.NSObject parsed;
        try {
            parsed = com.dd.plist.PropertyListParser.parse(plist);
        } catch (Exception e) {
            throw new AssertionError("not a property list (" + e.getMessage() + ") for " + context, e);
        }
        assertThat(parsed).as(context).isInstanceOf(com.dd.plist.NSDictionary.class);
        assertThat(parsed.toXMLPropertyList()).as(context).doesNotContain("<key>" + MARKER, "<key><![CDATA[<" + MARKER);
    }

    /** Well-formed with DTDs refused, and no element or attribute that a request made up. */
    private static void assertXml(String text, String context) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML (" + e.getMessage() + ") for " + context + "\n" + text, e);
        }
        assertNoMarkerInNames(root, context);
    }

    private static void assertNoMarkerInNames(Node node, String context) {
        if (node.getNodeType() == Node.ELEMENT_NODE) {
            assertThat(node.getNodeName()).as(context).doesNotContain(MARKER);
            NamedNodeMap attributes = node.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                assertThat(attributes.item(i).getNodeName()).as(context).doesNotContain(MARKER);
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            assertNoMarkerInNames(child, context);
        }
    }

    private static void assertJson(String text, String context) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not well-formed JSON (" + e.getMessage() + ") for " + context + "\n" + text, e);
        }
        assertThat(json).as(context).isNotNull();
        assertNoMarkerInNames(json, context);
    }

    private static void assertNoMarkerInNames(JsonNode json, String context) {
        json.properties().forEach(field -> {
            assertThat(field.getKey()).as(context).doesNotContain(MARKER);
            assertNoMarkerInNames(field.getValue(), context);
        });
        if (json.isArray()) {
            json.forEach(element -> assertNoMarkerInNames(element, context));
        }
    }

    private static byte[] body(APIGatewayV2HTTPResponse response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        return response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lower;
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext().getHttp().getMethod();
    }

    private static String describe(APIGatewayV2HTTPEvent event) {
        String body = event.getBody() == null ? "" : event.getBody();
        return abbreviate(method(event) + " " + event.getRawPath() + "?" + event.getRawQueryString()
                + " headers=" + event.getHeaders() + " body=" + body);
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...(" + text.length() + " chars)";
    }

    // ---- the requests ----

    /** A third are a real client's request with one hostile touch; the rest are hostile throughout. */
    @Provide
    Arbitrary<APIGatewayV2HTTPEvent> requests() {
        Arbitrary<APIGatewayV2HTTPEvent> hostileThroughout = Combinators
                .combine(methods(), paths(), queries(), headers(), bodies(), Arbitraries.of(true, false))
                .as(HostileRequestsTest::event);
        return Arbitraries.frequencyOf(Tuple.of(1, clientLike()), Tuple.of(2, hostileThroughout));
    }

    private Arbitrary<APIGatewayV2HTTPEvent> clientLike() {
        Arbitrary<String> address = Arbitraries.of("alice@example.com", "Bob@EXAMPLE.NET", "carol@b\u00fccher.example",
                "dave@nowhere.example", "erin", "frank@@example.com");
        Arbitrary<String> touch = Combinators.combine(Arbitraries.of("name", "Protocol", "x", "redirect"), hostile())
                .as((name, value) -> "&" + encode(name) + "=" + encode(value));
        Arbitrary<String> query = Combinators.combine(Arbitraries.of("emailaddress", "Email", "EmailAddress"), address,
                Arbitraries.oneOf(Arbitraries.just(""), touch)).as((name, value, extra) -> name + "=" + encode(value) + extra);
        Arbitrary<byte[]> body = Arbitraries.oneOf(Arbitraries.just(new byte[0]), address.map(a -> utf8(autodiscoverRequest(a))));
        return Arbitraries.of(routes).flatMap(route -> Combinators.combine(
                Arbitraries.of(route.methods()),
                route.ignoreCase() ? Arbitraries.longs().map(seed -> anyCase(route.path(), seed)) : Arbitraries.just(route.path()),
                query,
                headers(),
                body).as((method, path, q, headers, b) -> event(method, path, q, headers, b, false)));
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

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private Arbitrary<String> methods() {
        TreeSet<String> known = new TreeSet<>(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND"));
        routes.forEach(route -> known.addAll(route.methods()));
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(known)),
                Tuple.of(1, Arbitraries.of(known).map(m -> m.toLowerCase(Locale.ROOT))),
                Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(12)));
    }

    private Arbitrary<String> paths() {
        Arbitrary<String> routePaths = Arbitraries.of(routes).flatMap(route -> {
            List<Arbitrary<String>> variants = new ArrayList<>();
            variants.add(Arbitraries.just(route.path()));
            variants.add(segment().map(junk -> route.path() + junk));
            if (route.ignoreCase()) {
                variants.add(Arbitraries.longs().map(seed -> anyCase(route.path(), seed)));
            }
            if (route.prefix()) {
                variants.add(segment().map(junk -> route.path() + "/" + junk));
            }
            return Arbitraries.oneOf(variants);
        });
        return Arbitraries.frequencyOf(
                Tuple.of(7, routePaths),
                Tuple.of(2, hostile().map(junk -> "/" + junk)),
                Tuple.of(1, Arbitraries.of("/", "", "//", "/..", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                        "/mail/../mail/config-v1.1.xml", "/.well-known/", "/\u0000", "/autodiscover/autodiscover.xml%00.txt")));
    }

    private static String anyCase(String path, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private Arbitrary<String> segment() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars("._-~").ofMaxLength(20), hostile());
    }

    private Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("emailaddress", "EmailAddress", "EMAILADDRESS", "Email", "email", "Protocol",
                        "protocol", "name", "Name", "redirect", "callback")),
                Tuple.of(1, hostile()));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, addresses()),
                Tuple.of(1, Arbitraries.of("ActiveSync", "AutodiscoverV1", "Ews", "imap", "")),
                Tuple.of(3, hostile()));
        Arbitrary<String> pair = Combinators.combine(name, value, Arbitraries.integers().between(0, 3)).as((n, v, style) -> switch (style) {
            case 0 -> encode(n) + "=" + encode(v);
            case 1 -> n + "=" + v;
            case 2 -> encode(n);
            default -> encode(n) + "=" + v.replace("%", "%25").replace("&", "%26") + "%zz%C3%28%00";
        });
        return Arbitraries.oneOf(
                pair.list().ofMaxSize(5).map(pairs -> String.join("&", pairs)),
                Arbitraries.of("", "&", "&&=&", "=", "emailaddress", "emailaddress=%", "emailaddress=%E0%A4%A",
                        "emailaddress=a%40example.com&emailaddress=b%40example.net"));
    }

    private static String encode(String component) {
        return URLEncoder.encode(component, StandardCharsets.UTF_8);
    }

    private Arbitrary<String> addresses() {
        Arbitrary<String> local = Arbitraries.oneOf(Arbitraries.of("alice", "carol", "a.b+tag", "\"quoted\"", ""), hostile());
        Arbitrary<String> domain = Arbitraries.oneOf(
                Arbitraries.of("example.com", "EXAMPLE.NET", "b\u00fccher.example", "xn--bcher-kva.example", "nowhere.example",
                        "example.com.", "[192.0.2.1]", "localhost", "x".repeat(300) + ".example", "a..example.com"),
                hostile());
        return Combinators.combine(local, domain).as((l, d) -> l + "@" + d);
    }

    /** Strings an attacker or a broken client sends: markup with the marker, controls, huge, odd Unicode. */
    private Arbitrary<String> hostile() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(
                        "<" + MARKER + ">", "\"" + MARKER, "'" + MARKER, "</x><" + MARKER + "/>", "\"><" + MARKER + " a=\"",
                        "<script>alert('" + MARKER + "')</script>", "]]><" + MARKER + ">", "{\"" + MARKER + "\":1}",
                        "\"," + "\"" + MARKER + "\":\"", "%3C" + MARKER + "%3E", "&lt;" + MARKER, "&" + MARKER + ";",
                        "<?xml version=\"1.0\"?><" + MARKER + "/>", "\r\nX-" + MARKER + ": injected", "${jndi:ldap://" + MARKER + "}",
                        "\u202e" + MARKER, "\ufeff", "\ud800", "\u0000", "..", "%", "%%", "%00", "%0d%0aX-" + MARKER + ":1")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u0085', '\u2028').ofMaxLength(10)),
                Tuple.of(1, Arbitraries.integers().between(300, 70_000).map(n -> "<" + MARKER + ">" + "A".repeat(n))),
                Tuple.of(2, Combinators.combine(Arbitraries.of("<" + MARKER + ">", "\"" + MARKER),
                        Arbitraries.strings().all().ofMaxLength(10)).as(String::concat)));
    }

    private Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> host = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("autoconfig.example.com", "example.com", "autodiscover.example.net", "EXAMPLE.ORG",
                        "autoconfig.nowhere.example", "localhost", "127.0.0.1:8080", "[::1]:443", "example.com:99999", "")),
                Tuple.of(1, hostile()));
        Arbitrary<String> contentType = Arbitraries.oneOf(
                Arbitraries.of("application/xml", "text/xml; charset=utf-8", "application/json", "text/plain",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=" + MARKER, "application/xml; charset=utf-16"),
                hostile());
        Arbitrary<String> userAgent = Arbitraries.oneOf(
                Arbitraries.of("Thunderbird/128.0", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0)",
                        "iOS/17.0 (21A329) dataaccessd/1.0", "Mozilla/5.0"),
                hostile());
        return Combinators.combine(host, contentType, userAgent, Arbitraries.of(true, false), hostile(), Arbitraries.of(true, false))
                .as((h, ct, ua, origin, extra, withExtra) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("host", h);
                    headers.put("content-type", ct);
                    headers.put("user-agent", ua);
                    if (origin) {
                        headers.put("origin", "https://evil.example");
                        headers.put("access-control-request-method", "GET");
                    }
                    if (withExtra) {
                        headers.put("x-" + MARKER, extra);
                    }
                    return headers;
                });
    }

    private Arbitrary<byte[]> bodies() {
        Arbitrary<String> email = Arbitraries.oneOf(addresses(), hostile());
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(new byte[0])),
                Tuple.of(3, email.map(e -> utf8(autodiscoverRequest(xmlEscape(e))))),
                Tuple.of(2, email.map(e -> utf8(autodiscoverRequest(e)))),
                Tuple.of(2, Arbitraries.of(
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + autodiscoverBody("&x;"),
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"" + MARKER + "\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                                + autodiscoverBody("&d;@example.com"),
                        "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:1/" + MARKER + ".dtd\">" + autodiscoverBody("alice@example.com"),
                        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + autodiscoverBody("alice@example.com"),
                        "{\"EMailAddress\":\"<" + MARKER + ">@example.com\",\"Protocol\":\"ActiveSync\"}",
                        "<Autodiscover><Request><EMailAddress>alice@example.com",
                        "emailaddress=%3C" + MARKER + "%3E%40example.com").map(HostileRequestsTest::utf8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(2048)),
                Tuple.of(1, Arbitraries.of(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x00, '<'},
                        concat(utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover><Request><EMailAddress>"),
                                new byte[] {(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                utf8("@example.com</EMailAddress></Request></Autodiscover>")))),
                Tuple.of(1, Arbitraries.integers().between(10_000, 300_000).map(n -> utf8(autodiscoverRequest("a".repeat(n) + "@example.com")))));
    }

    private static String autodiscoverRequest(String email) {
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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
