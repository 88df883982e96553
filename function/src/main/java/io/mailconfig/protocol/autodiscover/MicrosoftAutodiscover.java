package io.mailconfig.protocol.autodiscover;

import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.EmailAddress.InvalidAddressException;
import io.mailconfig.protocol.autodiscover.AutodiscoverRequestReader.InvalidRequestException;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Microsoft POX Autodiscover (Outlook, Windows Mail, eM Client, Thunderbird's Exchange path) and,
 * through {@link AutodiscoverJson}, the autodiscover.json endpoint current Outlook asks first.
 *
 * <p>Clients POST an Autodiscover request to {@code /autodiscover/autodiscover.xml} in whatever
 * letter case they like; the HTTP-redirect step and some clients use GET. Every failure is
 * answered in the protocol's own Error form, never HTML and never a stack trace.
 */
public final class MicrosoftAutodiscover {

    public static final String PROTOCOL = "autodiscover";
    public static final String PATH = "/autodiscover/autodiscover.xml";
    /** Real requests are a few hundred bytes; anything this large is not a client asking for settings. */
    static final int MAX_BODY_BYTES = 32 * 1024;
    static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    static final String CACHE_CONTROL = "private, max-age=3600";
    static final String RETRY_AFTER_SECONDS = "30";
    private static final Set<String> XML_MEDIA_TYPES = Set.of("text/xml", "application/xml");

    private final ConfigStore store;
    private final AutodiscoverJson json;
    private final AtomicLong errorIds = new AtomicLong(System.nanoTime() & 0x3fff_ffffL);

    public MicrosoftAutodiscover(ConfigStore store) {
        this.store = store;
        this.json = new AutodiscoverJson(store);
    }

    /** POX on any letter case of its path, and autodiscover.json. */
    public List<Route> routes() {
        return List.of(new Route(PROTOCOL, PATH, true, false, Set.of("GET", "HEAD", "POST"), this::handle), json.route());
    }

    Response handle(Request request) {
        if (request.body().length > MAX_BODY_BYTES) {
            return error(AutodiscoverError.INVALID_REQUEST, 413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        AutodiscoverRequest parsed;
        if (request.body().length == 0 && !"POST".equals(request.method())) {
            Optional<String> address = request.queryParameter("emailaddress").or(() -> request.queryParameter("email"));
            if (address.isEmpty()) {
                return error(AutodiscoverError.INVALID_REQUEST, "a GET needs an emailaddress parameter; clients POST an Autodiscover request");
            }
            parsed = new AutodiscoverRequest(address, request.queryParameter("acceptableresponseschema")
                    .orElse(ResponseSchema.OUTLOOK.namespace()));
        } else {
            String contentType = request.header("content-type").orElse("");
            if (!contentType.isBlank() && !XML_MEDIA_TYPES.contains(mediaType(contentType))) {
                return error(AutodiscoverError.INVALID_REQUEST, 415, "the request must be sent as text/xml");
            }
            try {
                parsed = AutodiscoverRequestReader.read(request.body(), charset(contentType));
            } catch (InvalidRequestException e) {
                return error(AutodiscoverError.INVALID_REQUEST, e.getMessage());
            }
        }
        return answer(parsed);
    }

    private Response answer(AutodiscoverRequest request) {
        if (request.emailAddress().isEmpty()) {
            return error(AutodiscoverError.INVALID_REQUEST, "the request has no EMailAddress");
        }
        Optional<ResponseSchema> schema = ResponseSchema.named(request.schema());
        if (schema.isEmpty()) {
            return error(AutodiscoverError.SCHEMA_NOT_AVAILABLE, "only the Outlook 2006a and MobileSync response schemas are available");
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(request.emailAddress().get());
        } catch (InvalidAddressException e) {
            return error(AutodiscoverError.INVALID_REQUEST, e.getMessage());
        }
        Optional<DomainConfig> found;
        try {
            found = store.find(address.domain());
        } catch (StoreUnavailableException e) {
            return error(AutodiscoverError.INTERNAL_ERROR, "please try again later")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (found.isEmpty()) {
            return error(AutodiscoverError.NO_CONFIGURATION, "no configuration for this domain");
        }
        DomainConfig config = found.get();
        Optional<EmailAddress> redirect = redirectTarget(config.domain(), address);
        return switch (schema.get()) {
            case OUTLOOK -> ok(redirect.map(AutodiscoverXml::outlookRedirect)
                    .orElseGet(() -> AutodiscoverXml.outlookSettings(config, address)));
            case MOBILESYNC -> mobileSync(config, address, redirect);
        };
    }

    private Response mobileSync(DomainConfig config, EmailAddress address, Optional<EmailAddress> redirect) {
        if (redirect.isPresent()) {
            return ok(AutodiscoverXml.mobileSyncRedirect(config, address, redirect.get()));
        }
        Optional<URI> activeSync = config.domain().activeSyncUrl();
        if (activeSync.isEmpty()) {
            return error(AutodiscoverError.SCHEMA_NOT_AVAILABLE, "this domain offers no ActiveSync server");
        }
        return ok(AutodiscoverXml.mobileSyncSettings(config, address, activeSync.get()));
    }

    /** local@alias.example becomes local@target.example when the domain is an alias of another. */
    static Optional<EmailAddress> redirectTarget(Domain domain, EmailAddress address) {
        return domain.aliasOf().filter(target -> !target.equals(domain.name()))
                .map(target -> new EmailAddress(address.localPart(), target));
    }

    private static Response ok(byte[] body) {
        return Response.of(200, CONTENT_TYPE, body).withHeader("Cache-Control", CACHE_CONTROL);
    }

    private Response error(AutodiscoverError error, String debugData) {
        return error(error, error.httpStatus(), debugData);
    }

    private Response error(AutodiscoverError error, int httpStatus, String debugData) {
        String id = Long.toString(errorIds.incrementAndGet());
        return Response.of(httpStatus, CONTENT_TYPE, AutodiscoverXml.error(error, id, AutodiscoverXml.now(), debugData))
                .withHeader("Cache-Control", "no-store");
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of a Content-Type, when it names one this JVM knows. */
    static Optional<String> charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                String name = parameter.substring(equals + 1).strip().replace("\"", "");
                try {
                    return Charset.isSupported(name) ? Optional.of(name) : Optional.empty();
                } catch (IllegalCharsetNameException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
