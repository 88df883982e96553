package io.mailconfig.cli.dns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployed installation as three AWS APIs describe it, on one loopback port, each in its own
 * wire format: ACM's JSON 1.1 ({@code ListCertificates}, {@code DescribeCertificate}, by the region
 * the request is signed for), API Gateway's REST JSON ({@code GET /v2/domainnames}) and
 * CloudFront's REST XML ({@code GET /2020-05-31/distribution}). Every list comes one item a page,
 * so the clients' paging is exercised. Records each request; binds 127.0.0.1 only.
 */
final class LoopbackDeployment implements AutoCloseable {

    /** One request: the API it was for (an X-Amz-Target or a method and path), the region it was signed for, its body. */
    record Call(String operation, String region, String body) {
    }

    /** A certificate as ACM holds it: a validation record per name. */
    record Certificate(String region, String arn, String status, Map<String, String[]> validation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGNED_REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/");

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Certificate> certificates = new CopyOnWriteArrayList<>();
    private final Map<String, String> customDomainNames = new ConcurrentHashMap<>();
    private final Map<String, String> distributions = new ConcurrentHashMap<>();
    private volatile String acmError;

    LoopbackDeployment() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::exchange);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** A certificate for the pair's two names, each with its validation record {@code {name, value}}. */
    LoopbackDeployment certificate(String region, String status, Map<String, String[]> validation) {
        certificates.add(new Certificate(region, "arn:aws:acm:" + region + ":123456789012:certificate/" + UUID.randomUUID(),
                status, validation));
        return this;
    }

    LoopbackDeployment customDomainName(String host, String target) {
        customDomainNames.put(host, target);
        return this;
    }

    LoopbackDeployment distribution(String host, String domainName) {
        distributions.put(host, domainName);
        return this;
    }

    /** From now on ACM answers every request with this error type, as it does without permission. */
    LoopbackDeployment acmFails(String errorType) {
        acmError = errorType;
        return this;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Matcher region = SIGNED_REGION.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String signedFor = region.find() ? region.group(1) : "";
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(target != null ? target : exchange.getRequestMethod() + " " + path, signedFor, body));
            if (target != null && target.startsWith("CertificateManager.")) {
                acm(exchange, target, signedFor, JSON.readTree(body.isEmpty() ? "{}" : body));
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals("/v2/domainnames")) {
                domainNames(exchange, query(exchange, "nextToken"));
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals("/2020-05-31/distribution")) {
                distributions(exchange, query(exchange, "Marker"));
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"not found\"}");
            }
        }
    }

    private void acm(HttpExchange exchange, String target, String region, JsonNode request) throws IOException {
        if (acmError != null) {
            sendJson(exchange, 400, JSON.createObjectNode().put("__type", acmError).put("message", "User is not authorized to perform " + target));
            return;
        }
        List<Certificate> inRegion = certificates.stream().filter(c -> c.region().equals(region)).toList();
        switch (target) {
            case "CertificateManager.ListCertificates" -> {
                int from = request.path("NextToken").asInt(0);
                ObjectNode answer = JSON.createObjectNode();
                ArrayNode list = answer.putArray("CertificateSummaryList");
                if (from < inRegion.size()) {
                    Certificate certificate = inRegion.get(from);
                    ObjectNode summary = list.addObject().put("CertificateArn", certificate.arn())
                            .put("DomainName", certificate.validation().keySet().stream().sorted().findFirst().orElseThrow())
                            .put("HasAdditionalSubjectAlternativeNames", false).put("Status", certificate.status())
                            .put("Type", "AMAZON_ISSUED").put("KeyAlgorithm", "RSA-2048").put("InUse", false)
                            .put("RenewalEligibility", "INELIGIBLE").put("CreatedAt", 1.7646e9);
                    ArrayNode names = summary.putArray("SubjectAlternativeNameSummaries");
                    certificate.validation().keySet().stream().sorted().forEach(names::add);
                }
                if (from + 1 < inRegion.size()) {
                    answer.put("NextToken", Integer.toString(from + 1));
                }
                sendJson(exchange, 200, answer);
            }
            case "CertificateManager.DescribeCertificate" -> {
                String arn = request.path("CertificateArn").asText();
                Certificate certificate = inRegion.stream().filter(c -> c.arn().equals(arn)).findFirst().orElse(null);
                if (certificate == null) {
                    sendJson(exchange, 400, JSON.createObjectNode().put("__type", "ResourceNotFoundException")
                            .put("message", "Could not find certificate " + arn + "."));
                    return;
                }
                ObjectNode detail = JSON.createObjectNode();
                ObjectNode body = detail.putObject("Certificate").put("CertificateArn", arn)
                        .put("DomainName", certificate.validation().keySet().stream().sorted().findFirst().orElseThrow())
                        .put("Status", certificate.status()).put("Type", "AMAZON_ISSUED").put("KeyAlgorithm", "RSA-2048")
                        .put("SignatureAlgorithm", "SHA256WITHRSA").put("CreatedAt", 1.7646e9).put("RenewalEligibility", "INELIGIBLE");
                ArrayNode names = body.putArray("SubjectAlternativeNames");
                ArrayNode options = body.putArray("DomainValidationOptions");
                certificate.validation().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                    names.add(entry.getKey());
                    options.addObject().put("DomainName", entry.getKey()).put("ValidationDomain", entry.getKey())
                            .put("ValidationStatus", certificate.status().equals("ISSUED") ? "SUCCESS" : "PENDING_VALIDATION")
                            .put("ValidationMethod", "DNS")
                            .putObject("ResourceRecord").put("Name", entry.getValue()[0]).put("Type", "CNAME").put("Value", entry.getValue()[1]);
                });
                body.putArray("InUseBy");
                body.putObject("Options").put("CertificateTransparencyLoggingPreference", "ENABLED");
                sendJson(exchange, 200, detail);
            }
            default -> sendJson(exchange, 400, JSON.createObjectNode().put("__type", "UnknownOperationException"));
        }
    }

    private void domainNames(HttpExchange exchange, String nextToken) throws IOException {
        List<String> hosts = new ArrayList<>(customDomainNames.keySet().stream().sorted().toList());
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putArray("items");
        if (from < hosts.size()) {
            String host = hosts.get(from);
            ObjectNode item = items.addObject().put("domainName", host).put("apiMappingSelectionExpression", "$request.basepath");
            item.putArray("domainNameConfigurations").addObject()
                    .put("apiGatewayDomainName", customDomainNames.get(host)).put("domainNameStatus", "AVAILABLE")
                    .put("endpointType", "REGIONAL").put("hostedZoneId", "Z1U9ULNL0V5AJ3").put("ipAddressType", "dualstack")
                    .put("securityPolicy", "TLS_1_2");
            item.putObject("tags");
        }
        if (from + 1 < hosts.size()) {
            answer.put("nextToken", Integer.toString(from + 1));
        }
        send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private void distributions(HttpExchange exchange, String marker) throws IOException {
        List<String> hosts = distributions.keySet().stream().sorted().toList();
        int from = marker == null || marker.isEmpty() ? 0 : Integer.parseInt(marker);
        boolean truncated = from + 1 < hosts.size();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<DistributionList xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Marker>" + (marker == null ? "" : marker)
                + "</Marker>" + (truncated ? "<NextMarker>" + (from + 1) + "</NextMarker>" : "") + "<MaxItems>1</MaxItems><IsTruncated>"
                + truncated + "</IsTruncated><Quantity>" + (from < hosts.size() ? 1 : 0) + "</Quantity>");
        if (from < hosts.size()) {
            String host = hosts.get(from);
            xml.append("<Items><DistributionSummary><Id>E").append(from).append("EXAMPLE</Id><ARN>arn:aws:cloudfront::123456789012:distribution/E")
                    .append(from).append("EXAMPLE</ARN><Status>Deployed</Status><LastModifiedTime>2026-12-01T10:00:00.000Z</LastModifiedTime>")
                    .append("<DomainName>").append(distributions.get(host)).append("</DomainName><Aliases><Quantity>1</Quantity><Items><CNAME>")
                    .append(host).append("</CNAME></Items></Aliases><Enabled>true</Enabled><PriceClass>PriceClass_100</PriceClass>")
                    .append("<HttpVersion>http2and3</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled><Staging>false</Staging>")
                    .append("</DistributionSummary></Items>");
        }
        xml.append("</DistributionList>");
        send(exchange, 200, "text/xml", xml.toString());
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/x-amz-json-1.1", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
