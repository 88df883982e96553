package io.mailconfig.cli.doctor;

import io.mailconfig.cli.doctor.ClientSetting.Security;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.UsernameTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Reads config-v1.1.xml with the rules of its two strictest readers, so a file either would refuse
 * is caught before their users meet it:
 *
 * <ul>
 *   <li>Thunderbird for Android (thunderbird-android, {@code RealAutoconfigParser}): reads only the
 *       {@code imap} incoming and {@code smtp} outgoing entries, and refuses the whole file for an
 *       {@code emailProvider} without a host-name id, no valid {@code domain}, and any of those
 *       entries with a bad host name or port, no {@code username}, a {@code socketType} other than
 *       SSL or STARTTLS, or no authentication it can use (OAuth2, password-cleartext,
 *       password-encrypted).</li>
 *   <li>Thunderbird (comm-central, {@code readFromXML}): skips an entry it cannot read (and uses
 *       the next), but refuses the file without an {@code emailProvider} host-name id, a valid
 *       {@code domain}, or one usable incoming and one usable outgoing server; OAuth2 counts only
 *       for hosts in its built-in provider list, which a mail domain of one's own is not.</li>
 * </ul>
 */
final class AutoconfigReader {

    static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}\\.?$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?", Pattern.CASE_INSENSITIVE);
    /** What one reader accepts in a server entry. */
    private record Rules(Set<String> authentication, int lowestPort, boolean plainAllowed) {
    }

    private static final Rules ANDROID = new Rules(Set.of("OAuth2", "password-cleartext", "password-encrypted"), 0, false);
    private static final Rules THUNDERBIRD_INCOMING = new Rules(Set.of("password-cleartext", "plain", "password-encrypted",
            "secure", "GSSAPI", "NTLM"), 1, true);
    private static final Rules THUNDERBIRD_OUTGOING = new Rules(Set.of("none", "client-IP-address", "smtp-after-pop",
            "password-cleartext", "plain", "password-encrypted", "secure", "GSSAPI", "NTLM"), 1, true);
    private static final Set<String> THUNDERBIRD_INCOMING_TYPES = Set.of("pop3", "imap", "nntp", "exchange");

    /**
     * What the two readers make of a file.
     *
     * @param androidRejection     why Thunderbird for Android refuses the whole file, if it does
     * @param thunderbirdRejection why Thunderbird refuses the whole file, if it does
     * @param skipped              entries Thunderbird leaves out (and why), the file still usable
     * @param plain                entries that would send the password unencrypted
     * @param servers              every server Thunderbird reads, incoming then outgoing, usernames filled in
     * @param domains              the {@code domain} elements
     */
    record Reading(Optional<String> androidRejection, Optional<String> thunderbirdRejection, List<String> skipped,
            List<String> plain, List<ClientSetting> servers, List<String> domains) {
    }

    private AutoconfigReader() {
    }

    /** @throws IllegalArgumentException when the body is not well-formed XML, which both refuse */
    static Reading read(byte[] body, EmailAddress address) {
        Element root = SafeXml.root(body);
        if (!SafeXml.name(root).equals("clientConfig")) {
            String reason = "the document element is <" + SafeXml.name(root) + ">, not <clientConfig>";
            return new Reading(Optional.of(reason), Optional.of(reason), List.of(), List.of(), List.of(), List.of());
        }
        Optional<Element> provider = SafeXml.child(root, "emailProvider");
        if (provider.isEmpty()) {
            String reason = "no <emailProvider> element";
            return new Reading(Optional.of(reason), Optional.of(reason), List.of(), List.of(), List.of(), List.of());
        }
        Element emailProvider = provider.get();
        List<String> androidProblems = new ArrayList<>();
        List<String> thunderbirdProblems = new ArrayList<>();
        String id = emailProvider.getAttribute("id");
        if (!HOST_NAME.matcher(id).matches()) {
            String reason = id.isEmpty() ? "<emailProvider> has no id attribute" : "<emailProvider id=\"" + id + "\"> is not a host name";
            androidProblems.add(reason);
            thunderbirdProblems.add(reason);
        }
        List<String> domains = new ArrayList<>();
        for (Element domain : SafeXml.children(emailProvider, "domain")) {
            String name = expand(domain.getTextContent().strip(), address);
            if (HOST_NAME.matcher(name).matches()) {
                domains.add(name);
            }
        }
        if (domains.isEmpty()) {
            androidProblems.add("no <domain> element holds a valid domain name");
            thunderbirdProblems.add("no <domain> element holds a valid domain name");
        }
        List<String> skipped = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        List<ClientSetting> servers = new ArrayList<>();
        for (String direction : List.of("incomingServer", "outgoingServer")) {
            boolean incoming = direction.equals("incomingServer");
            String androidType = incoming ? "imap" : "smtp";
            boolean androidFound = false;
            boolean thunderbirdFound = false;
            for (Element entry : SafeXml.children(emailProvider, direction)) {
                Entry read = Entry.of(entry, address);
                String where = "<" + direction + " type=\"" + read.type + "\">" + read.host.map(h -> " " + h).orElse("");
                if (read.security.filter(s -> s == Security.PLAIN).isPresent()) {
                    plain.add(where);
                }
                if (read.type.equals(androidType)) {
                    Optional<String> problem = read.problem(ANDROID);
                    problem.ifPresent(p -> androidProblems.add(where + ": " + p));
                    androidFound = true;
                }
                boolean typeKnown = incoming ? THUNDERBIRD_INCOMING_TYPES.contains(read.type) : read.type.equals("smtp");
                Optional<String> problem = typeKnown
                        ? read.problem(incoming ? THUNDERBIRD_INCOMING : THUNDERBIRD_OUTGOING)
                        : Optional.of("a type Thunderbird does not read");
                if (problem.isPresent()) {
                    skipped.add(where + ": " + problem.get());
                } else {
                    thunderbirdFound = true;
                    servers.add(new ClientSetting(read.type, read.host.orElseThrow(), read.port.orElseThrow(),
                            read.security.orElseThrow(), read.username.orElse(address.toString())));
                }
            }
            if (!androidFound) {
                androidProblems.add("no <" + direction + " type=\"" + androidType + "\">: it reads no other kind");
            }
            if (!thunderbirdFound) {
                thunderbirdProblems.add("no usable <" + direction + ">");
            }
        }
        return new Reading(androidProblems.stream().findFirst(), thunderbirdProblems.stream().findFirst(), skipped, plain,
                servers, domains);
    }

    /** One server entry as written, placeholders filled in for the address. */
    private record Entry(String type, Optional<String> host, Optional<Integer> port, Optional<Security> security,
            Optional<String> socketType, List<String> authentication, Optional<String> username, List<String> notText) {

        static Entry of(Element entry, EmailAddress address) {
            List<String> notText = new ArrayList<>();
            for (String name : List.of("hostname", "port", "socketType", "username", "authentication")) {
                SafeXml.children(entry, name).stream().filter(e -> !SafeXml.textOnly(e)).forEach(e -> notText.add(name));
            }
            Optional<String> host = SafeXml.text(entry, "hostname").map(h -> expand(h, address));
            Optional<Integer> port = SafeXml.text(entry, "port").flatMap(AutoconfigReader::number);
            Optional<String> socketType = SafeXml.text(entry, "socketType");
            Optional<Security> security = socketType.flatMap(s -> switch (s) {
                case "SSL" -> Optional.of(Security.SSL);
                case "STARTTLS" -> Optional.of(Security.STARTTLS);
                case "plain" -> Optional.of(Security.PLAIN);
                default -> Optional.empty();
            });
            List<String> authentication = SafeXml.children(entry, "authentication").stream()
                    .map(e -> e.getTextContent().strip()).toList();
            Optional<String> username = SafeXml.text(entry, "username").map(u -> expand(u, address));
            return new Entry(entry.getAttribute("type"), host, port, security, socketType, authentication, username, notText);
        }

        /** Why a reader with these rules cannot use this entry. */
        Optional<String> problem(Rules rules) {
            if (!notText.isEmpty()) {
                return Optional.of("<" + notText.getFirst() + "> holds elements instead of text");
            }
            if (host.isEmpty() || !HOST_NAME.matcher(host.get()).matches()) {
                return Optional.of(host.map(h -> "<hostname> \"" + h + "\" is not a host name").orElse("no <hostname>"));
            }
            if (port.isEmpty() || port.get() < rules.lowestPort() || port.get() > 65535) {
                return Optional.of("no valid <port>");
            }
            if (username.isEmpty()) {
                return Optional.of("no <username>");
            }
            if (security.isEmpty() || (security.get() == Security.PLAIN && !rules.plainAllowed())) {
                return Optional.of(socketType.map(s -> "<socketType> " + s + " is not SSL or STARTTLS").orElse("no <socketType>"));
            }
            if (authentication.stream().noneMatch(rules.authentication()::contains)) {
                return Optional.of("no <authentication> it can use " + rules.authentication().stream().sorted().toList()
                        + " (has " + authentication + ")");
            }
            return Optional.empty();
        }
    }

    static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String expand(String template, EmailAddress address) {
        return UsernameTemplate.expand(template, address);
    }
}
