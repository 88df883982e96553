package io.mailconfig.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.cli.doctor.ClientSetting.Security;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads Autodiscover answers as their clients do: POX (Outlook schema 2006a) the way Outlook and
 * Thunderbird's Exchange reader ({@code ExchangeAutoDiscover.sys.mjs}, {@code readAutoDiscoverXML})
 * read it, and autodiscover.json the way Outlook follows it.
 */
final class AutodiscoverReader {

    static final String OUTLOOK_REQUEST_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    static final String OUTLOOK_RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    /** The ports on which Thunderbird takes "SSL on" for STARTTLS; on any other port for implicit TLS. */
    private static final Set<Integer> THUNDERBIRD_STARTTLS_PORTS = Set.of(143, 110, 25, 587);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A POX answer.
     *
     * @param error    the protocol's Error (code and message), if that is what came back
     * @param redirect the RedirectAddr of an {@code redirectAddr} answer
     * @param servers  every IMAP, POP3 and SMTP Protocol as Outlook reads it
     * @param warnings what one of its readers reads differently or does not like
     */
    record Pox(Optional<String> error, Optional<String> redirect, List<ClientSetting> servers, List<String> warnings) {
    }

    /** An autodiscover.json answer: where it points the client, or its ErrorCode and ErrorMessage. */
    record Json(Optional<String> protocol, Optional<URI> url, Optional<String> error) {
    }

    private AutodiscoverReader() {
    }

    /** The request Outlook and Thunderbird POST (a parsed address holds no {@code <} or {@code >}). */
    static String request(String address) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"" + OUTLOOK_REQUEST_SCHEMA + "\"><Request><EMailAddress>"
                + address.replace("&", "&amp;") + "</EMailAddress><AcceptableResponseSchema>" + OUTLOOK_RESPONSE_SCHEMA
                + "</AcceptableResponseSchema></Request></Autodiscover>";
    }

    /** @throws IllegalArgumentException when the body is not an Autodiscover answer at all */
    static Pox pox(byte[] body, String address) {
        Element root = SafeXml.root(body);
        if (!SafeXml.name(root).equals("Autodiscover")) {
            throw new IllegalArgumentException("the document element is <" + SafeXml.name(root) + ">, not <Autodiscover>");
        }
        Element response = SafeXml.child(root, "Response")
                .orElseThrow(() -> new IllegalArgumentException("no <Response> in <Autodiscover>"));
        Optional<Element> error = SafeXml.child(response, "Error");
        if (error.isPresent()) {
            return new Pox(Optional.of("ErrorCode " + SafeXml.text(error.get(), "ErrorCode").orElse("?") + " "
                    + SafeXml.text(error.get(), "Message").orElse("") + " (" + SafeXml.text(error.get(), "DebugData").orElse("") + ")"),
                    Optional.empty(), List.of(), List.of());
        }
        if (!OUTLOOK_RESPONSE_SCHEMA.equals(response.getNamespaceURI())) {
            throw new IllegalArgumentException("the <Response> is in namespace " + response.getNamespaceURI() + ", not the Outlook schema");
        }
        Element account = SafeXml.child(response, "Account").orElseThrow(() -> new IllegalArgumentException("no <Account> in <Response>"));
        String action = SafeXml.text(account, "Action").orElse("");
        if (action.equals("redirectAddr")) {
            return new Pox(Optional.empty(), SafeXml.text(account, "RedirectAddr"), List.of(), List.of());
        }
        if (!action.equals("settings")) {
            throw new IllegalArgumentException("<Action> is \"" + action + "\", not settings or redirectAddr");
        }
        List<ClientSetting> servers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Element protocol : SafeXml.children(account, "Protocol")) {
            String type = SafeXml.text(protocol, "Type").orElse("").toLowerCase(Locale.ROOT);
            if (!Set.of("imap", "pop3", "smtp").contains(type)) {
                continue;
            }
            String host = SafeXml.text(protocol, "Server").orElse("");
            Optional<Integer> port = SafeXml.text(protocol, "Port").flatMap(AutoconfigReader::number);
            if (!AutoconfigReader.HOST_NAME.matcher(host).matches() || port.isEmpty()) {
                warnings.add(type + " " + host + ": no valid <Server> and <Port>; Outlook and Thunderbird skip it");
                continue;
            }
            boolean ssl = !SafeXml.text(protocol, "SSL").orElse("on").equalsIgnoreCase("off");
            Optional<String> encryption = SafeXml.text(protocol, "Encryption").map(e -> e.toLowerCase(Locale.ROOT));
            Security outlook = encryption.map(e -> switch (e) {
                case "none" -> Security.PLAIN;
                case "tls" -> Security.STARTTLS;
                default -> Security.SSL;
            }).orElse(ssl ? Security.SSL : Security.PLAIN);
            Security thunderbird = !ssl || encryption.filter("none"::equals).isPresent() ? Security.PLAIN
                    : THUNDERBIRD_STARTTLS_PORTS.contains(port.get()) ? Security.STARTTLS : Security.SSL;
            if (thunderbird != outlook) {
                warnings.add(type + " " + host + ":" + port.get() + ": Outlook reads " + outlook + ", Thunderbird " + thunderbird
                        + " (it ignores <Encryption> and takes 143, 110, 25 and 587 for STARTTLS, any other port for SSL)");
            }
            if (SafeXml.text(protocol, "SPA").filter("on"::equalsIgnoreCase).isPresent()) {
                warnings.add(type + " " + host + ": <SPA> on makes Outlook try NTLM or Kerberos instead of the password");
            }
            String login = SafeXml.text(protocol, "LoginName").orElse(address);
            servers.add(new ClientSetting(type, host, port.get(), outlook, login));
        }
        return new Pox(Optional.empty(), Optional.empty(), servers, warnings);
    }

    /** @throws IllegalArgumentException when the body is not a JSON object */
    static Json json(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (node.hasNonNull("ErrorCode")) {
            return new Json(Optional.empty(), Optional.empty(),
                    Optional.of(node.get("ErrorCode").asText() + ": " + node.path("ErrorMessage").asText()));
        }
        Optional<URI> url;
        try {
            url = Optional.ofNullable(node.get("Url")).filter(JsonNode::isTextual).map(JsonNode::asText).map(URI::create);
        } catch (IllegalArgumentException e) {
            url = Optional.empty();
        }
        return new Json(Optional.ofNullable(node.get("Protocol")).map(JsonNode::asText), url, Optional.empty());
    }
}
