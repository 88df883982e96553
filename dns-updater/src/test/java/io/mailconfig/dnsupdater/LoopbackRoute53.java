package io.mailconfig.dnsupdater;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Route 53 on a loopback port, speaking its REST/XML wire format (API version 2013-04-01) for
 * the two calls the updater makes: {@code ListResourceRecordSets} (a name and type) and
 * {@code ChangeResourceRecordSets} (CREATE, UPSERT, DELETE, applied as Route 53 does: all or
 * nothing, a DELETE only of a set exactly as it stands). It keeps the zones' record sets and every
 * change batch. Binds 127.0.0.1 only.
 */
final class LoopbackRoute53 implements AutoCloseable {

    /** One record set: name with the root's dot, type, TTL and the values as Route 53 holds them (TXT quoted). */
    record RecordSet(String name, String type, long ttl, List<String> values) {
    }

    /** One change of a batch. */
    record Change(String action, RecordSet set) {
    }

    /** One ChangeResourceRecordSets call as it arrived. */
    record Batch(String zone, String comment, List<Change> changes) {
    }

    private static final String NS = "https://route53.amazonaws.com/doc/2013-04-01/";

    private final HttpServer server;
    private final Map<String, Map<String, RecordSet>> zones = new HashMap<>();
    private final List<Batch> batches = new CopyOnWriteArrayList<>();

    LoopbackRoute53(String... zoneIds) throws IOException {
        for (String zone : zoneIds) {
            zones.put(zone, new LinkedHashMap<>());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2013-04-01/hostedzone/", this::exchange);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Batch> batches() {
        return List.copyOf(batches);
    }

    void clearBatches() {
        batches.clear();
    }

    /** The set of a name (with the root's dot) and type, or null. */
    synchronized RecordSet get(String zone, String name, String type) {
        return zones.get(zone).get(name + " " + type);
    }

    private synchronized void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String zone = path[3];
            Map<String, RecordSet> sets = zones.get(zone);
            if (sets == null) {
                reply(exchange, 404, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>NoSuchHostedZone</Code>"
                        + "<Message>No hosted zone found with ID: " + zone + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
                return;
            }
            if (exchange.getRequestMethod().equals("GET")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                RecordSet set = sets.get(query.get("name") + " " + query.get("type"));
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><ListResourceRecordSetsResponse xmlns=\"" + NS
                        + "\"><ResourceRecordSets>");
                if (set != null) {
                    xml.append(xml(set));
                }
                xml.append("</ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>1</MaxItems></ListResourceRecordSetsResponse>");
                reply(exchange, 200, xml.toString());
                return;
            }
            Batch batch = parse(zone, exchange.getRequestBody().readAllBytes());
            Map<String, RecordSet> after = new LinkedHashMap<>(sets);
            for (Change change : batch.changes()) {
                String key = change.set().name() + " " + change.set().type();
                switch (change.action()) {
                    case "DELETE" -> {
                        if (!change.set().equals(after.get(key))) {
                            reply(exchange, 400, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>InvalidChangeBatch</Code>"
                                    + "<Message>Tried to delete resource record set [name='" + change.set().name() + "', type='"
                                    + change.set().type() + "'] but the values provided do not match the current values</Message>"
                                    + "</Error><RequestId>r</RequestId></ErrorResponse>");
                            return;
                        }
                        after.remove(key);
                    }
                    default -> after.put(key, change.set());
                }
            }
            sets.clear();
            sets.putAll(after);
            batches.add(batch);
            reply(exchange, 200, "<?xml version=\"1.0\"?><ChangeResourceRecordSetsResponse xmlns=\"" + NS + "\"><ChangeInfo>"
                    + "<Id>/change/C" + batches.size() + "</Id><Status>PENDING</Status><SubmittedAt>2026-12-01T00:00:00.000Z</SubmittedAt>"
                    + "</ChangeInfo></ChangeResourceRecordSetsResponse>");
        }
    }

    private static String xml(RecordSet set) {
        StringBuilder xml = new StringBuilder("<ResourceRecordSet><Name>").append(escape(set.name())).append("</Name><Type>")
                .append(set.type()).append("</Type><TTL>").append(set.ttl()).append("</TTL><ResourceRecords>");
        set.values().forEach(value -> xml.append("<ResourceRecord><Value>").append(escape(value)).append("</Value></ResourceRecord>"));
        return xml.append("</ResourceRecords></ResourceRecordSet>").toString();
    }

    private static Batch parse(String zone, byte[] body) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            List<Change> changes = new ArrayList<>();
            NodeList nodes = document.getElementsByTagNameNS(NS, "Change");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element change = (Element) nodes.item(i);
                Element set = (Element) change.getElementsByTagNameNS(NS, "ResourceRecordSet").item(0);
                List<String> values = new ArrayList<>();
                NodeList records = set.getElementsByTagNameNS(NS, "Value");
                for (int j = 0; j < records.getLength(); j++) {
                    values.add(records.item(j).getTextContent());
                }
                changes.add(new Change(text(change, "Action"), new RecordSet(text(set, "Name"), text(set, "Type"),
                        Long.parseLong(text(set, "TTL")), List.copyOf(values))));
            }
            NodeList comment = document.getElementsByTagNameNS(NS, "Comment");
            return new Batch(zone, comment.getLength() == 0 ? "" : comment.item(0).getTextContent(), List.copyOf(changes));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("not a ChangeResourceRecordSetsRequest", e);
        }
    }

    private static String text(Element element, String name) {
        return element.getElementsByTagNameNS(NS, name).item(0).getTextContent();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
