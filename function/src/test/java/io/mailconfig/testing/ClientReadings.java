package io.mailconfig.testing;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each protocol's answer read back the way its clients read it, into one form: the mail servers
 * (direction, type, host, port, security, login name, authentication) and the DAV servers (type,
 * URL, login name). Autoconfig's templates are filled in as Thunderbird's replaceVariables does,
 * with the address as the person typed it.
 */
public final class ClientReadings {

    /**
     * One mail server as a client sets it up; {@code security} is null where the format cannot
     * tell (Apple). {@code alternatives} are the methods an Autoconfig entry lists after its
     * first, empty for every other protocol.
     */
    public record Server(String type, String host, int port, String security, String login, String method, List<String> alternatives) {
        public boolean incoming() {
            return !type.equals("smtp");
        }

        /** As a protocol that names one method and no alternatives gives this server. */
        public Server as(String method, boolean withSecurity) {
            return new Server(type, host, port, withSecurity ? security : null, login, method, List.of());
        }

        /** The first method of the entry's list a protocol can express (the first every protocol can comes first). */
        public Optional<String> firstOf(Set<String> expressible) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(method), alternatives.stream())
                    .filter(expressible::contains).findFirst();
        }
    }

    public record Dav(String type, String url, String login) {
    }

    public record Reading(List<Server> servers, List<Dav> dav) {
        public List<Server> incoming() {
            return servers.stream().filter(Server::incoming).toList();
        }

        public List<Server> outgoing() {
            return servers.stream().filter(server -> !server.incoming()).toList();
        }
    }

    private ClientReadings() {
    }

    /** How an address's parts reach a client's templates. */
    private record Typed(String address, String localPart, String domain) {
        static Typed of(String address) {
            int at = address.lastIndexOf('@');
            return new Typed(address, address.substring(0, at), address.substring(at + 1).toLowerCase(Locale.ROOT));
        }

        String fill(String template, boolean inUrl) {
            String local = inUrl ? percentEncoded(localPart) : localPart;
            return template.replace("%EMAILADDRESS%", inUrl ? local + "@" + domain : address)
                    .replace("%EMAILLOCALPART%", local).replace("%EMAILDOMAIN%", domain);
        }
    }

    public static Reading autoconfig(String body, String typedAddress) {
        Xml xml = Xml.parse(body);
        Typed typed = Typed.of(typedAddress);
        List<Server> servers = new ArrayList<>();
        for (String element : List.of("incomingServer", "outgoingServer")) {
            for (int i = 1; i <= xml.count("//" + element); i++) {
                String at = "(//" + element + ")[" + i + "]";
                List<String> methods = xml.texts(at + "/authentication").stream().map(ClientReadings::method).toList();
                servers.add(new Server(xml.text(at + "/@type"), xml.text(at + "/hostname"), Integer.parseInt(xml.text(at + "/port")),
                        xml.text(at + "/socketType"), typed.fill(xml.text(at + "/username"), false), methods.getFirst(),
                        methods.subList(1, methods.size())));
            }
        }
        List<Dav> dav = new ArrayList<>();
        for (String element : List.of("calendar", "addressBook")) {
            if (xml.count("//" + element) > 0) {
                dav.add(new Dav(xml.text("//" + element + "/@type"), typed.fill(xml.text("//" + element + "/serverURL"), true),
                        typed.fill(xml.text("//" + element + "/username"), false)));
            }
        }
        return new Reading(servers, dav);
    }

    /** The settings of an Outlook-schema answer; call only for {@code Action} {@code settings}. */
    public static Reading autodiscover(String body) {
        Xml xml = Xml.parse(body);
        List<Server> servers = new ArrayList<>();
        List<Dav> dav = new ArrayList<>();
        for (int i = 1; i <= xml.count("//Protocol"); i++) {
            String at = "(//Protocol)[" + i + "]";
            String type = xml.text(at + "/Type");
            switch (type) {
                case "CalDAV", "CardDAV" -> dav.add(new Dav(type.toLowerCase(Locale.ROOT), xml.text(at + "/Server"), xml.text(at + "/LoginName")));
                default -> {
                    if (!xml.text(at + "/SPA").equals("off")) {
                        throw new AssertionError("SPA means NTLM to Outlook and a challenge-response password to Thunderbird: " + body);
                    }
                    servers.add(new Server(type.toLowerCase(Locale.ROOT), xml.text(at + "/Server"), Integer.parseInt(xml.text(at + "/Port")),
                            xml.text(at + "/Encryption").equals("SSL") ? "SSL" : "STARTTLS", xml.text(at + "/LoginName"),
                            xml.text(at + "/AuthRequired").equals("on") ? "password-cleartext" : "none", List.of()));
                }
            }
        }
        return new Reading(servers, dav);
    }

    /** The profile's one account and its DAV accounts; the security of an Apple server is not in the profile ({@code UseSSL} is checked true). */
    public static Reading appleProfile(String body, boolean base64) throws Exception {
        byte[] bytes = base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        NSDictionary profile = (NSDictionary) PropertyListParser.parse(bytes);
        List<Server> servers = new ArrayList<>();
        List<Dav> dav = new ArrayList<>();
        for (NSObject object : ((NSArray) profile.get("PayloadContent")).getArray()) {
            NSDictionary payload = (NSDictionary) object;
            String payloadType = payload.get("PayloadType").toJavaObject().toString();
            switch (payloadType) {
                case "com.apple.mail.managed" -> {
                    String incomingType = text(payload, "EmailAccountType").equals("EmailTypeIMAP") ? "imap" : "pop3";
                    servers.add(appleServer(payload, "Incoming", incomingType));
                    servers.add(appleServer(payload, "Outgoing", "smtp"));
                }
                case "com.apple.caldav.account" -> dav.add(appleDav(payload, "CalDAV"));
                case "com.apple.carddav.account" -> dav.add(appleDav(payload, "CardDAV"));
                default -> throw new AssertionError("unexpected payload " + payloadType);
            }
        }
        return new Reading(servers, dav);
    }

    private static Server appleServer(NSDictionary payload, String direction, String type) {
        String prefix = direction + "MailServer";
        if (!Boolean.TRUE.equals(payload.get(prefix + "UseSSL").toJavaObject())) {
            throw new AssertionError(prefix + "UseSSL must be true: with false Mail may send the password without TLS");
        }
        String method = switch (text(payload, prefix + "Authentication")) {
            case "EmailAuthPassword" -> "password-cleartext";
            case "EmailAuthCRAMMD5" -> "password-encrypted";
            case "EmailAuthNTLM" -> "NTLM";
            case "EmailAuthNone" -> "none";
            default -> throw new AssertionError("unexpected " + prefix + "Authentication");
        };
        return new Server(type, text(payload, prefix + "HostName"), ((Number) payload.get(prefix + "PortNumber").toJavaObject()).intValue(),
                null, text(payload, prefix + "Username"), method, List.of());
    }

    private static Dav appleDav(NSDictionary payload, String prefix) {
        String url = text(payload, prefix + "PrincipalURL");
        java.net.URI uri = java.net.URI.create(url);
        int port = ((Number) payload.get(prefix + "Port").toJavaObject()).intValue();
        if (!uri.getHost().equals(text(payload, prefix + "HostName")) || port != (uri.getPort() < 0 ? 443 : uri.getPort())
                || !Boolean.TRUE.equals(payload.get(prefix + "UseSSL").toJavaObject())) {
            throw new AssertionError(prefix + " host, port or SSL disagree with its URL " + url);
        }
        return new Dav(prefix.toLowerCase(Locale.ROOT), url, text(payload, prefix + "Username"));
    }

    private static String text(NSDictionary payload, String key) {
        return payload.get(key).toJavaObject().toString();
    }

    private static final Pattern LIST = Pattern.compile("<dl id=\"([a-z0-9-]+)\">(.*?)</dl>", Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("<dt>([^<]*)</dt><dd>(?:<code>)?([^<]*)(?:</code>)?</dd>");
    private static final Map<String, String> PAGE_METHODS = Map.of("Normal password", "password-cleartext",
            "Encrypted password", "password-encrypted", "NTLM", "NTLM", "Kerberos / GSSAPI", "GSSAPI",
            "TLS client certificate", "TLS-client-cert", "OAuth2", "OAuth2", "No authentication", "none");

    /** The setup page's settings, in English, as a person copies them. */
    public static Reading setupPage(String html) {
        int start = html.indexOf("<section id=\"settings\"");
        String settings = html.substring(start, html.indexOf("</section>", start));
        List<Server> servers = new ArrayList<>();
        List<Dav> dav = new ArrayList<>();
        Matcher list = LIST.matcher(settings);
        while (list.find()) {
            Map<String, String> entries = new java.util.HashMap<>();
            Matcher entry = ENTRY.matcher(list.group(2));
            while (entry.find()) {
                entries.put(entry.group(1), unescape(entry.group(2)));
            }
            String id = list.group(1);
            if (id.equals("caldav") || id.equals("carddav")) {
                dav.add(new Dav(id, entries.get("Server address"), entries.get("Username")));
            } else {
                servers.add(new Server(id.replaceAll("-.*", ""), entries.get("Hostname"), Integer.parseInt(entries.get("Port")),
                        entries.get("Connection security").equals("SSL/TLS") ? "SSL" : "STARTTLS", entries.get("Username"),
                        PAGE_METHODS.get(entries.get("Authentication method")), List.of()));
            }
        }
        return new Reading(servers, dav);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    /** No credentials, whichever way the server knows the client. */
    private static String method(String autoconfigId) {
        return autoconfigId.equals("client-IP-address") ? "none" : autoconfigId;
    }

    /** As a careful client puts a value into a URL's path. */
    private static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    /** The domain of a typed address as mailconfig and Thunderbird's sanitizer give it: lower case; ASCII (punycode). */
    public static String canonicalDomain(String typedAddress) {
        return IDN.toASCII(typedAddress.substring(typedAddress.lastIndexOf('@') + 1)).toLowerCase(Locale.ROOT);
    }
}
