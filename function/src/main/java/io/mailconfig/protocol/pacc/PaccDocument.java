package io.mailconfig.protocol.pacc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.Provider;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.model.ServerType;
import io.mailconfig.model.SocketType;
import io.mailconfig.model.UsernameTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The PACC configuration document of a domain ({@value #DRAFT}), as served at
 * {@code https://ua-auto-config.<domain>/.well-known/user-agent-configuration.json}.
 *
 * <p>PACC names no ports and no usernames: a client connects with implicit TLS on the standard
 * port and logs in with the address. So only servers that are exactly that appear: IMAP on 993,
 * POP3 on 995 and submission on 465, each with implicit TLS and the address as login, the first
 * by priority of each kind; CalDAV, CardDAV and JMAP as https URLs without a port. Anything else
 * (STARTTLS, other ports, other login names) cannot be said in PACC and is left out.
 *
 * <p>The bytes are canonical: object members sorted by name, no white space, UTF-8, control
 * characters dropped from values (the JSON Canonicalization Scheme, RFC 8785, for a document of
 * strings and booleans). The same data always gives the same bytes, which the
 * {@code _ua-auto-config} TXT record's digest covers ({@link PaccRecord}).
 */
public final class PaccDocument {

    /** The version of the draft this document follows, named once; a later draft starts here. */
    public static final String DRAFT = "draft-ietf-mailmaint-pacc-03";
    /** The draft's limits on the provider's names. */
    static final int MAX_NAME = 60;
    static final int MAX_SHORT_NAME = 20;

    /** The standard implicit-TLS port of each kind of mail server, and its name in the document. */
    private enum MailProtocol {
        IMAP(ServerType.IMAP, 993, "imap"),
        POP3(ServerType.POP3, 995, "pop3"),
        // -02 called it "smtp"; -03 renamed it.
        SUBMIT(ServerType.SMTP, 465, "submit");

        final ServerType type;
        final int port;
        final String key;

        MailProtocol(ServerType type, int port, String key) {
            this.type = type;
            this.port = port;
            this.key = key;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, String> LOGO_TYPES = Map.of(".svg", "image/svg+xml", ".png", "image/png", ".jpg", "image/jpeg",
            ".jpeg", "image/jpeg", ".webp", "image/webp", ".gif", "image/gif");

    private PaccDocument() {
    }

    /** The document, or empty when the domain has no server PACC can describe. */
    public static Optional<byte[]> render(DomainConfig config) {
        ProviderConfig provider = config.provider();
        Map<String, Object> protocols = new TreeMap<>();
        boolean password = false;
        for (MailProtocol protocol : MailProtocol.values()) {
            Optional<MailServer> server = provider.servers().stream()
                    .filter(candidate -> candidate.type() == protocol.type && candidate.port() == protocol.port
                            && candidate.socketType() == SocketType.SSL && UsernameTemplate.EMAIL_ADDRESS.equals(candidate.username()))
                    .findFirst();
            if (server.isPresent()) {
                protocols.put(protocol.key, Map.of("host", server.get().hostname()));
                password |= server.get().authentication().contains(Authentication.PASSWORD_CLEARTEXT)
                        || server.get().authentication().contains(Authentication.PASSWORD_ENCRYPTED);
            }
        }
        for (DavType type : DavType.values()) {
            Optional<URI> dav = provider.davServer(type).filter(server -> UsernameTemplate.EMAIL_ADDRESS.equals(server.username()))
                    .flatMap(DavServer::sharedUrl).filter(url -> url.getPort() == -1);
            if (dav.isPresent()) {
                protocols.put(type.id(), Map.of("url", dav.get().toString()));
                password = true;
            }
        }
        provider.services().jmapUrl().filter(url -> url.getPort() == -1)
                .ifPresent(url -> protocols.put("jmap", Map.of("url", url.toString())));
        if (protocols.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> authentication = new TreeMap<>();
        authentication.put("password", password);
        provider.services().oauthIssuer()
                .ifPresent(issuer -> authentication.put("oauth-public", Map.of("issuer", issuer.toString())));
        Map<String, Object> document = new TreeMap<>();
        document.put("authentication", authentication);
        document.put("info", info(provider.provider()));
        document.put("protocols", protocols);
        return Optional.of(canonical(document));
    }

    private static Map<String, Object> info(Provider provider) {
        Map<String, Object> names = new TreeMap<>();
        names.put("name", shortened(provider.name(), MAX_NAME));
        String shortName = clean(provider.shortName());
        if (!shortName.isEmpty() && shortName.codePointCount(0, shortName.length()) <= MAX_SHORT_NAME) {
            names.put("shortName", shortName);
        }
        provider.logoUrl().ifPresent(logo -> names.put("logo", List.of(logo(logo))));
        Map<String, Object> info = new TreeMap<>();
        info.put("provider", names);
        provider.documentationUrl().ifPresent(url -> info.put("help", Map.of("documentation", url.toString())));
        return info;
    }

    private static Map<String, Object> logo(URI url) {
        Map<String, Object> logo = new TreeMap<>();
        logo.put("url", url.toString());
        String path = Optional.ofNullable(url.getPath()).orElse("").toLowerCase(Locale.ROOT);
        LOGO_TYPES.forEach((extension, type) -> {
            if (path.endsWith(extension)) {
                logo.put("content-type", type);
            }
        });
        return logo;
    }

    /** At most {@code max} characters (code points), cut at the last space within them when there is one. */
    private static String shortened(String text, int max) {
        String clean = clean(text);
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        String cut = clean.substring(0, clean.offsetByCodePoints(0, max));
        int space = cut.lastIndexOf(' ');
        return (space > 0 ? cut.substring(0, space) : cut).strip();
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isISOControl(c)).forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** Objects are {@link TreeMap}s (sorted by name, which for these ASCII names is RFC 8785's order), lists, strings and booleans. */
    private static byte[] canonical(Map<String, Object> document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            write(out, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case Map<?, ?> object -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> member : new TreeMap<>(object).entrySet()) {
                    out.writeFieldName((String) member.getKey());
                    write(out, member.getValue());
                }
                out.writeEndObject();
            }
            case List<?> list -> {
                out.writeStartArray();
                for (Object element : list) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case Boolean flag -> out.writeBoolean(flag);
            default -> out.writeString(clean(value.toString()));
        }
    }
}
