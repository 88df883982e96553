package io.mailconfig.store.dynamodb;

import static io.mailconfig.store.dynamodb.Table.DAV_PREFIX;
import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_SORT_KEY;
import static io.mailconfig.store.dynamodb.Table.SERVER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;
import static io.mailconfig.store.dynamodb.Table.USER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.Attributes.ACCENT_COLOR;
import static io.mailconfig.store.dynamodb.Table.Attributes.ACTIVE_SYNC_URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.ALIAS_OF;
import static io.mailconfig.store.dynamodb.Table.Attributes.AUTHENTICATION;
import static io.mailconfig.store.dynamodb.Table.Attributes.DISPLAY_NAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.DOCUMENTATION_URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.HOSTNAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.JMAP_URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.LOGIN_NAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.LOGO_URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.MTA_STS_MAX_AGE;
import static io.mailconfig.store.dynamodb.Table.Attributes.MTA_STS_MODE;
import static io.mailconfig.store.dynamodb.Table.Attributes.MTA_STS_MX;
import static io.mailconfig.store.dynamodb.Table.Attributes.NAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.OAUTH_ISSUER;
import static io.mailconfig.store.dynamodb.Table.Attributes.PORT;
import static io.mailconfig.store.dynamodb.Table.Attributes.PRIORITY;
import static io.mailconfig.store.dynamodb.Table.Attributes.SHORT_NAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.SOCKET_TYPE;
import static io.mailconfig.store.dynamodb.Table.Attributes.TLS_REPORT_ADDRESS;
import static io.mailconfig.store.dynamodb.Table.Attributes.TYPE;
import static io.mailconfig.store.dynamodb.Table.Attributes.URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.USERNAME;

import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainNames;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.MtaStsPolicy;
import io.mailconfig.model.Provider;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.model.ProviderServices;
import io.mailconfig.model.ServerType;
import io.mailconfig.model.SocketType;
import io.mailconfig.model.UserSettings;
import io.mailconfig.model.UsernameTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns the items of one provider partition into a {@link ProviderConfig} ({@link ItemWriter} does
 * the reverse). Items are edited by
 * hand in the console, so every item is checked: one that is malformed is left out and reported
 * with its key, and the rest still make a configuration.
 */
public final class ItemReader {

    /** The priority of a server item that names none. */
    public static final int DEFAULT_PRIORITY = 10;

    /** What was wrong with one item, and where. */
    public record Problem(String pk, String sk, String message) {
        @Override
        public String toString() {
            return "item (pk=" + pk + ", sk=" + sk + "): " + message;
        }
    }

    /** The configuration read from a partition, and what had to be left out of it. */
    public record Result(ProviderConfig config, List<Problem> problems) {
    }

    private ItemReader() {
    }

    /** One {@code DOMAIN#} item; empty, with the problem added to {@code problems}, when it is malformed. */
    public static Optional<Domain> domain(Map<String, AttributeValue> item, List<Problem> problems) {
        return one(item, problems, DOMAIN_PREFIX, ItemReader::domain);
    }

    /** One {@code USER#} item; empty, with the problem added to {@code problems}, when it is malformed. */
    public static Optional<UserSettings> user(Map<String, AttributeValue> item, List<Problem> problems) {
        return one(item, problems, USER_PREFIX, ItemReader::user);
    }

    private interface KindReader<T> {
        T read(String rest, Fields fields) throws InvalidItem;
    }

    private static <T> Optional<T> one(Map<String, AttributeValue> item, List<Problem> problems, String prefix, KindReader<T> reader) {
        String sk = key(item, SORT_KEY);
        try {
            if (!sk.startsWith(prefix)) {
                throw new InvalidItem("sk should start with " + prefix);
            }
            return Optional.of(reader.read(sk.substring(prefix.length()), new Fields(item)));
        } catch (InvalidItem | IllegalArgumentException e) {
            problems.add(new Problem(key(item, PARTITION_KEY), sk, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Servers of equal priority keep the {@link ItemIdOrder} of their items' ids, whatever order
     * the items come in.
     */
    public static Result read(String providerId, List<Map<String, AttributeValue>> items) {
        List<Problem> problems = new ArrayList<>();
        Provider provider = null;
        ProviderServices services = ProviderServices.NONE;
        List<Domain> domains = new ArrayList<>();
        Map<String, MailServer> servers = new TreeMap<>(ItemIdOrder.INSTANCE);
        Map<String, DavServer> davServers = new TreeMap<>(ItemIdOrder.INSTANCE);
        Map<String, UserSettings> users = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            Fields fields = new Fields(item);
            String sk = key(item, SORT_KEY);
            try {
                if (sk.equals(PROVIDER_SORT_KEY)) {
                    provider = provider(providerId, fields, look -> problems.add(new Problem(
                            key(item, PARTITION_KEY), sk, look + "; the setup page goes without it")));
                    services = services(fields, service -> problems.add(new Problem(key(item, PARTITION_KEY), sk, service)));
                } else if (sk.startsWith(DOMAIN_PREFIX)) {
                    domains.add(domain(sk.substring(DOMAIN_PREFIX.length()), fields));
                } else if (sk.startsWith(SERVER_PREFIX)) {
                    servers.put(sk.substring(SERVER_PREFIX.length()), server(fields));
                } else if (sk.startsWith(DAV_PREFIX)) {
                    davServers.put(sk.substring(DAV_PREFIX.length()), davServer(fields));
                } else if (sk.startsWith(USER_PREFIX)) {
                    UserSettings user = user(sk.substring(USER_PREFIX.length()), fields);
                    users.put(user.address(), user);
                } else {
                    throw new InvalidItem("unknown kind of item (sk should start with PROVIDER, DOMAIN#, SERVER#, DAV# or USER#)");
                }
            } catch (InvalidItem | IllegalArgumentException e) {
                problems.add(new Problem(key(item, PARTITION_KEY), sk, e.getMessage()));
            }
        }
        if (provider == null) {
            problems.add(new Problem(PROVIDER_PREFIX + providerId, PROVIDER_SORT_KEY,
                    "provider item missing or malformed; using the provider id as its name"));
            provider = new Provider(providerId, providerId, providerId, Optional.empty());
        }
        return new Result(new ProviderConfig(provider, domains, List.copyOf(servers.values()),
                List.copyOf(davServers.values()), users, services), problems);
    }

    private static String key(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    /**
     * The provider's look (logo and accent colour) only decorates the setup page: a mistake there
     * is reported to {@code lookProblem} and the look left out, rather than losing the provider's name.
     */
    private static Provider provider(String providerId, Fields fields, Consumer<String> lookProblem) throws InvalidItem {
        String name = fields.required(NAME);
        String shortName = fields.string(SHORT_NAME).orElse(name);
        Optional<URI> documentation = fields.string(DOCUMENTATION_URL).map(ItemReader::httpUrl);
        Optional<URI> logo = Optional.empty();
        try {
            logo = fields.string(LOGO_URL).map(ItemReader::httpUrl).map(Provider::checkedLogoUrl);
        } catch (InvalidItem | IllegalArgumentException e) {
            lookProblem.accept(LOGO_URL + ": " + e.getMessage());
        }
        Optional<String> accent = Optional.empty();
        try {
            accent = fields.string(ACCENT_COLOR).map(Provider::checkedAccentColor);
        } catch (InvalidItem | IllegalArgumentException e) {
            lookProblem.accept(ACCENT_COLOR + ": " + e.getMessage());
        }
        return new Provider(providerId, name, shortName, documentation, logo, accent);
    }

    /**
     * What the provider publishes besides its servers. Each part stands alone: a mistake in one is
     * reported to {@code problem} and that part left out (a policy that is not valid is never
     * served), while the provider and its other parts still answer.
     */
    private static ProviderServices services(Fields fields, Consumer<String> problem) {
        Optional<URI> jmap = optional(JMAP_URL, problem, () -> fields.string(JMAP_URL).map(ItemReader::httpUrl));
        Optional<URI> issuer = optional(OAUTH_ISSUER, problem, () -> fields.string(OAUTH_ISSUER).map(ItemReader::httpUrl));
        Optional<MtaStsPolicy> policy = optional(MTA_STS_MODE, problem, () -> mtaStsPolicy(fields));
        List<URI> reports = optional(TLS_REPORT_ADDRESS, problem, () -> {
            List<URI> uris = new ArrayList<>();
            for (String address : fields.strings(TLS_REPORT_ADDRESS)) {
                uris.add(reportUri(address));
            }
            return Optional.of(List.copyOf(uris));
        }).orElse(List.of());
        return new ProviderServices(jmap, issuer, policy, reports);
    }

    private interface PartReader<T> {
        Optional<T> read() throws InvalidItem;
    }

    private static <T> Optional<T> optional(String attribute, Consumer<String> problem, PartReader<T> reader) {
        try {
            return reader.read();
        } catch (InvalidItem | IllegalArgumentException e) {
            problem.accept(attribute + ": " + e.getMessage() + "; left out");
            return Optional.empty();
        }
    }

    private static Optional<MtaStsPolicy> mtaStsPolicy(Fields fields) throws InvalidItem {
        Optional<String> mode = fields.string(MTA_STS_MODE);
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        MtaStsPolicy.Mode parsed = MtaStsPolicy.Mode.parse(mode.get())
                .orElseThrow(() -> new InvalidItem("must be enforce, testing or none, not " + mode.get()));
        long maxAge = fields.integer(MTA_STS_MAX_AGE).map(Integer::longValue).orElse(MtaStsPolicy.DEFAULT_MAX_AGE);
        return Optional.of(new MtaStsPolicy(parsed, fields.strings(MTA_STS_MX), maxAge));
    }

    /** An address becomes a {@code mailto:} URI; {@code mailto:} and {@code https:} URIs are kept as they are. */
    private static URI reportUri(String value) {
        String text = value.strip();
        if (text.regionMatches(true, 0, "https:", 0, 6)) {
            return httpUrl(text);
        }
        String address = text.regionMatches(true, 0, "mailto:", 0, 7) ? text.substring(7) : text;
        int at = address.lastIndexOf('@');
        if (at <= 0 || DomainNames.normalize(address.substring(at + 1)).isEmpty()
                || !address.substring(0, at).chars().allMatch(c -> c > 0x20 && c < 0x7f && ",;!<>\\\"".indexOf(c) < 0)) {
            throw new IllegalArgumentException("not an e-mail address, mailto: or https: URI: " + value);
        }
        return URI.create("mailto:" + address);
    }

    private static Domain domain(String name, Fields fields) throws InvalidItem {
        String canonical = DomainNames.normalize(name)
                .orElseThrow(() -> new InvalidItem("not a valid domain name: " + name));
        if (!canonical.equals(name)) {
            throw new InvalidItem("domain must be stored in lower-case ASCII (punycode): DOMAIN#" + canonical);
        }
        Optional<String> aliasOf = fields.string(ALIAS_OF).map(alias -> DomainNames.normalize(alias)
                .orElseThrow(() -> new IllegalArgumentException("aliasOf is not a valid domain name")));
        Optional<URI> activeSync = fields.string(ACTIVE_SYNC_URL).map(ItemReader::httpUrl);
        return new Domain(canonical, aliasOf, activeSync);
    }

    private static MailServer server(Fields fields) throws InvalidItem {
        ServerType type = ServerType.parse(fields.required(TYPE))
                .orElseThrow(() -> new InvalidItem("type must be imap, pop3 or smtp"));
        String hostname = DomainNames.normalize(fields.required(HOSTNAME))
                .orElseThrow(() -> new InvalidItem("hostname is not a valid host name"));
        int port = fields.integer(PORT).orElseThrow(() -> new InvalidItem("port is missing or not a number"));
        if (port < 1 || port > 65535) {
            throw new InvalidItem("port must be between 1 and 65535");
        }
        SocketType socketType = SocketType.parse(fields.required(SOCKET_TYPE))
                .orElseThrow(() -> new InvalidItem("socketType must be SSL or STARTTLS"));
        List<Authentication> authentication = new ArrayList<>();
        for (String method : fields.strings(AUTHENTICATION)) {
            authentication.add(Authentication.parse(method)
                    .orElseThrow(() -> new InvalidItem("unknown authentication method: " + method)));
        }
        if (authentication.isEmpty()) {
            throw new InvalidItem("authentication is missing");
        }
        String username = fields.string(USERNAME).orElse(UsernameTemplate.EMAIL_ADDRESS);
        int priority = fields.integer(PRIORITY).orElse(DEFAULT_PRIORITY);
        return new MailServer(type, hostname, port, socketType, authentication, username, priority);
    }

    private static DavServer davServer(Fields fields) throws InvalidItem {
        DavType type = DavType.parse(fields.required(TYPE))
                .orElseThrow(() -> new InvalidItem("type must be caldav or carddav"));
        // An https URL whose path may hold placeholders; DavServer says what is wrong otherwise.
        String url = fields.required(URL);
        String username = fields.string(USERNAME).orElse(UsernameTemplate.EMAIL_ADDRESS);
        int priority = fields.integer(PRIORITY).orElse(DEFAULT_PRIORITY);
        return new DavServer(type, url, username, priority);
    }

    /** The mailbox is read by its key, so the key must be stored in the form {@link EmailAddress#key()} gives. */
    private static UserSettings user(String address, Fields fields) throws InvalidItem {
        String key = EmailAddress.keyOf(address)
                .orElseThrow(() -> new InvalidItem("USER# must be followed by an email address"));
        if (!key.equals(address)) {
            throw new InvalidItem("mailbox must be stored with ASCII letters in lower case and the domain in punycode: USER#" + key);
        }
        return new UserSettings(key, fields.string(LOGIN_NAME), fields.string(DISPLAY_NAME));
    }

    private static URI httpUrl(String value) {
        URI uri = URI.create(value.strip());
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an https URL: " + value);
        }
        return uri;
    }

    private static final class InvalidItem extends Exception {
        InvalidItem(String message) {
            super(message, null, false, false);
        }
    }

    /** Lenient reading of attributes typed by hand: numbers may arrive as strings and lists as sets. */
    private record Fields(Map<String, AttributeValue> item) {

        /** A string (or number) attribute; one of another type (a list, a map, a boolean) is a mistake, not a default. */
        Optional<String> string(String name) throws InvalidItem {
            AttributeValue value = item.get(name);
            if (value == null || Boolean.TRUE.equals(value.nul())) {
                return Optional.empty();
            }
            String text = value.s() != null ? value.s() : value.n();
            if (text == null) {
                throw new InvalidItem(name + " must be a string, not " + typeName(value));
            }
            return Optional.of(text.strip()).filter(s -> !s.isEmpty());
        }

        private static String typeName(AttributeValue value) {
            return switch (value.type()) {
                case L -> "a list";
                case M -> "a map";
                case BOOL -> "a boolean";
                case SS, NS, BS -> "a set";
                case B -> "binary data";
                default -> "a value of type " + value.type();
            };
        }

        String required(String name) throws InvalidItem {
            Optional<String> value = string(name);
            if (value.isEmpty()) {
                throw new InvalidItem(name + " is missing or not a string");
            }
            return value.get();
        }

        Optional<Integer> integer(String name) throws InvalidItem {
            Optional<String> text = string(name);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Integer.parseInt(text.get()));
            } catch (NumberFormatException e) {
                throw new InvalidItem(name + " is not a whole number: " + text.get());
            }
        }

        List<String> strings(String name) throws InvalidItem {
            AttributeValue value = item.get(name);
            if (value == null) {
                return List.of();
            }
            if (value.hasL()) {
                if (value.l().stream().anyMatch(element -> element.s() == null)) {
                    throw new InvalidItem(name + " must be a list of strings");
                }
                return value.l().stream().map(AttributeValue::s).filter(s -> !s.isBlank()).map(String::strip).toList();
            }
            if (value.hasSs()) {
                return value.ss().stream().map(String::strip).sorted().toList();
            }
            return string(name).map(s -> List.of(s.split("\\s*,\\s*"))).orElse(List.of());
        }
    }
}
