package io.mailconfig.testing;

import io.mailconfig.model.Authentication;
import io.mailconfig.testing.TestTable.Items;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seeded generators of whole providers, as items, and of the addresses a person might type for
 * them: servers of every type with random ports, socket types, lists of authentication methods,
 * username templates and priorities full of ties; DAV servers with and without placeholders in
 * their URLs; an alias domain, an internationalised domain, ActiveSync URLs, mailboxes with
 * login names of their own; addresses with upper-case and non-ASCII local parts, domains typed in
 * capitals or in Unicode. The same seed and provider number always give the same provider.
 */
public final class GeneratedProviders {

    /** A generated provider: its items, and addresses for it as a person types them. */
    public record Generated(String id, List<Map<String, AttributeValue>> items, List<String> addresses) {
    }

    private static final List<String> TEMPLATES = List.of("%EMAILADDRESS%", "%EMAILLOCALPART%", "%EMAILLOCALPART%@%EMAILDOMAIN%",
            "%EMAILDOMAIN%\\%EMAILLOCALPART%", "mail-%EMAILLOCALPART%", "shared-login");
    private static final List<String> LOCAL_PARTS = List.of("alice", "Bob", "MiXed.Case", "carol", "o'neil", "j\u00f6rg", "a+tag", "ERIN");
    private static final List<Integer> PORTS = List.of(993, 143, 995, 110, 465, 587, 25, 2525, 10143);
    /** Local parts with a {@code USER#} item of their own, when the provider has one. */
    public static final String OWN_LOGIN = "carol";

    private final SplittableRandom random;
    private final java.util.Set<String> usedKeys = new java.util.HashSet<>();

    private GeneratedProviders(SplittableRandom random) {
        this.random = random;
    }

    public static Generated provider(long seed, int number) {
        return new GeneratedProviders(new SplittableRandom(seed + number * 0x9E3779B97F4A7C15L)).provider("g" + number);
    }

    private Generated provider(String id) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String main = id + ".example";
        String alias = "alias-" + id + ".example";
        String idn = "b\u00fccher-" + id + ".example";
        items.add(Items.provider(id, "Provider " + id, id.toUpperCase()).build());
        Items mainDomain = Items.domain(id, main);
        if (random.nextBoolean()) {
            mainDomain.with("activeSyncUrl", "https://sync." + main + "/Microsoft-Server-ActiveSync");
        }
        items.add(mainDomain.build());
        items.add(Items.domain(id, alias).with("aliasOf", main).build());
        items.add(Items.domain(id, IDN.toASCII(idn)).build());
        int incoming = 1 + random.nextInt(4);
        for (int i = 0; i < incoming; i++) {
            items.add(server(id, random.nextBoolean() ? "imap" : "pop3"));
        }
        int outgoing = 1 + random.nextInt(3);
        for (int i = 0; i < outgoing; i++) {
            items.add(server(id, "smtp"));
        }
        for (String type : List.of("caldav", "carddav")) {
            int count = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                String path = pick(List.of("/dav/", "/dav/%EMAILADDRESS%/", "/%EMAILDOMAIN%/%EMAILLOCALPART%/" + type + "/", "/"));
                String port = random.nextInt(4) == 0 ? ":8443" : "";
                items.add(Items.of("PROVIDER#" + id, "DAV#" + unique(type + "-" + random.nextInt(40))).with("type", type)
                        .with("url", "https://dav." + main + port + path).with("username", pick(TEMPLATES))
                        .withNumber("priority", random.nextInt(3)).build());
            }
        }
        if (random.nextBoolean()) {
            items.add(Items.user(id, OWN_LOGIN + "@" + main).with("loginName", "own-" + id).with("displayName", "Carol " + id).build());
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String local = pick(LOCAL_PARTS);
            String domain = switch (random.nextInt(5)) {
                case 0 -> alias;
                case 1 -> idn;
                case 2 -> main.toUpperCase();
                default -> main;
            };
            addresses.add(local + "@" + domain);
        }
        return new Generated(id, items, addresses);
    }

    private Map<String, AttributeValue> server(String provider, String type) {
        List<String> methods = new ArrayList<>();
        for (Authentication method : Authentication.values()) {
            methods.add(method.id());
        }
        Collections.shuffle(methods, new java.util.Random(random.nextLong()));
        String[] chosen = methods.subList(0, 1 + random.nextInt(3)).toArray(String[]::new);
        String id = unique(type + (random.nextBoolean() ? "-" + random.nextInt(40) : "-" + pick(List.of("a", "b", "backup")) + random.nextInt(4)));
        return Items.server(provider, id, type, pick(List.of("mail", "imap", "pop", "smtp", "mx")) + random.nextInt(3) + "." + provider + ".example",
                        pick(PORTS), random.nextBoolean() ? "SSL" : "STARTTLS", random.nextInt(3))
                .withList("authentication", chosen).with("username", pick(TEMPLATES)).build();
    }

    /** Item ids are unique in a partition: a repeated one gets a letter. */
    private String unique(String id) {
        String candidate = id;
        while (!usedKeys.add(candidate)) {
            candidate = candidate + "z";
        }
        return candidate;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
