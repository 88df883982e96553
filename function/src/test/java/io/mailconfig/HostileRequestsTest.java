package io.mailconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.http.Request;
import io.mailconfig.http.Route;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import io.mailconfig.testing.HostileRequests;
import io.mailconfig.testing.TestTable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Random and hostile requests ({@link HostileRequests}) against every route the router serves
 * (read from {@link Mailconfig#router}, so a protocol added later is covered without touching this
 * class).
 *
 * <p>Every answer must be a 2xx, 3xx or 4xx (503 with Retry-After only while the store fails), be
 * well-formed for its content type, carry nosniff and no CORS header, reveal no stack trace or
 * internal detail, and never reflect the marker {@value HostileRequests#MARKER} with {@code <} or
 * {@code "} outside escaped text.
 *
 * <p>Tries per property: {@value #TRIES_PROPERTY} (default {@value #DEFAULT_TRIES}). The seed is new
 * each run unless {@value #SEED_PROPERTY} gives one; a failure names the seed and the try, and
 * {@code -Dhostile.seed=S -Dhostile.try=N} replays exactly that request.
 */
class HostileRequestsTest {

    static final String TRIES_PROPERTY = "hostile.tries";
    static final String SEED_PROPERTY = "hostile.seed";
    static final String TRY_PROPERTY = "hostile.try";
    static final int DEFAULT_TRIES = 1000;
    static final String MARKER = HostileRequests.MARKER;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(");
    private static final Pattern SAFE_FILENAME = Pattern.compile("filename=\"?[A-Za-z0-9._-]{1,100}\"?");
    private static final List<String> LEAKS = List.of("Exception", "at io.", "java.", "software.amazon", "com.amazonaws",
            "root:x:0:0", "mailconfig-test");

    private static TestTable table;
    private static MailconfigHandler handler;
    private static MailconfigHandler failingHandler;
    private static List<Route> routes;

    @BeforeAll
    static void start() {
        table = new TestTable().withExampleProvider();
        handler = new MailconfigHandler(table.store(), Optional.empty(), Request.HTTPS);
        ConfigStore failing = domain -> {
            throw new StoreUnavailableException("DynamoDB unreachable at arn:aws:dynamodb:mailconfig-test", null);
        };
        failingHandler = new MailconfigHandler(failing, Optional.empty(), Request.HTTPS);
        routes = Mailconfig.router(table.store(), Optional.empty()).routes();
    }

    @AfterAll
    static void stop() {
        table.close();
    }

    @Test
    void everyAnswerIsAWellFormedClientOrSuccessAnswer() {
        Map<Integer, Integer> statuses = run(request -> {
            APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);
            check(request, response, false);
            return response.getStatusCode();
        });
        // The generators must keep reaching real answers, not only the router's refusals.
        assertCoverage(statuses, Set.of(200, 400, 404));
    }

    @Test
    void whileTheStoreFailsAnswersAre503WithRetryAfterOrStillClientErrors() {
        Map<Integer, Integer> statuses = run(request -> {
            APIGatewayV2HTTPResponse response = failingHandler.handleRequest(request, null);
            check(request, response, true);
            return response.getStatusCode();
        });
        assertCoverage(statuses, Set.of(503));
    }

    /** Sends every try's request; returns how often each status came back. */
    private static Map<Integer, Integer> run(Function<APIGatewayV2HTTPEvent, Integer> send) {
        long seed = Long.getLong(SEED_PROPERTY, ThreadLocalRandom.current().nextLong());
        Integer only = Integer.getInteger(TRY_PROPERTY);
        int tries = Integer.getInteger(TRIES_PROPERTY, DEFAULT_TRIES);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int tryNumber = only == null ? 0 : only; tryNumber < (only == null ? tries : only + 1); tryNumber++) {
            APIGatewayV2HTTPEvent request = HostileRequests.request(routes, seed, tryNumber);
            try {
                statuses.merge(send.apply(request), 1, Integer::sum);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("try " + tryNumber + " of seed " + seed + " (replay: -D" + SEED_PROPERTY + "=" + seed
                        + " -D" + TRY_PROPERTY + "=" + tryNumber + "): " + e.getMessage(), e);
            }
        }
        return statuses;
    }

    /** At least 3 % of the answers have each of these statuses (unless one try was replayed). */
    private static void assertCoverage(Map<Integer, Integer> statuses, Set<Integer> wanted) {
        if (Integer.getInteger(TRY_PROPERTY) != null) {
            return;
        }
        int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
        for (int status : wanted) {
            assertThat(statuses.getOrDefault(status, 0) * 100.0 / total).as("share of %d answers in %s", status, statuses)
                    .isGreaterThanOrEqualTo(3.0);
        }
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
}
