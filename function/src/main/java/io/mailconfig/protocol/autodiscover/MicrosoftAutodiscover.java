package io.mailconfig.protocol.autodiscover;

import io.mailconfig.http.CacheControl;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.protocol.Lookup;
import io.mailconfig.protocol.autodiscover.AutodiscoverRequestReader.InvalidRequestException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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
    /** How long a client may keep the settings: the answer's TTL element and its Cache-Control. */
    static final Duration CLIENT_TTL = Duration.ofHours(1);
    private static final Set<String> XML_MEDIA_TYPES = Set.of("text/xml", "application/xml");

    private final Lookup lookup;
    private final AutodiscoverJson json;

    public MicrosoftAutodiscover(Lookup lookup) {
        this.lookup = lookup;
        this.json = new AutodiscoverJson(lookup);
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
            if (!request.mediaType().isEmpty() && !XML_MEDIA_TYPES.contains(request.mediaType())) {
                return error(AutodiscoverError.INVALID_REQUEST, 415, "the request must be sent as text/xml");
            }
            try {
                parsed = AutodiscoverRequestReader.read(request.body(), request.charset());
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
        return switch (lookup.address(request.emailAddress().get())) {
            case Lookup.Found found -> {
                DomainConfig config = found.config();
                EmailAddress address = found.address().orElseThrow();
                Optional<EmailAddress> redirect = redirectTarget(config, address);
                yield switch (schema.get()) {
                    case OUTLOOK -> ok(redirect.map(AutodiscoverXml::outlookRedirect)
                            .orElseGet(() -> AutodiscoverXml.outlookSettings(config, address)));
                    case MOBILESYNC -> mobileSync(config, address, redirect);
                };
            }
            case Lookup.InvalidAddress invalid -> error(AutodiscoverError.INVALID_REQUEST, invalid.reason());
            case Lookup.UnknownDomain unknown -> error(AutodiscoverError.NO_CONFIGURATION, "no configuration for this domain");
            case Lookup.Unavailable unavailable -> error(AutodiscoverError.INTERNAL_ERROR, "please try again later")
                    .withHeader("Retry-After", Lookup.RETRY_AFTER_SECONDS);
        };
    }

    private Response mobileSync(DomainConfig config, EmailAddress address, Optional<EmailAddress> redirect) {
        if (redirect.isPresent()) {
            return ok(AutodiscoverXml.mobileSyncRedirect(config, address, redirect.get()));
        }
        Optional<URI> activeSync = config.domain().activeSyncUrl();
        if (activeSync.isEmpty()) {
            return error(AutodiscoverError.SCHEMA_NOT_AVAILABLE, Outcome.UNKNOWN_DOMAIN, AutodiscoverError.SCHEMA_NOT_AVAILABLE.httpStatus(),
                    "this domain offers no ActiveSync server");
        }
        return ok(AutodiscoverXml.mobileSyncSettings(config, address, activeSync.get()));
    }

    /**
     * local@alias.example becomes local@target.example when the domain is an alias of another of
     * the same provider: Outlook asks again and gets the settings every protocol gives the alias
     * address. An alias of another provider's domain is answered here, with this provider's
     * servers, as the other protocols answer it.
     */
    static Optional<EmailAddress> redirectTarget(DomainConfig config, EmailAddress address) {
        return config.aliasTarget().filter(target -> !target.name().equals(config.domain().name()))
                .map(target -> config.mailboxAddress(address));
    }

    private static Response ok(byte[] body) {
        return Response.of(Outcome.FOUND, 200, CONTENT_TYPE, body).withHeader("Cache-Control", CacheControl.privateFor(CLIENT_TTL));
    }

    private Response error(AutodiscoverError error, String debugData) {
        return error(error, error.outcome(), error.httpStatus(), debugData);
    }

    private Response error(AutodiscoverError error, int httpStatus, String debugData) {
        return error(error, error.outcome(), httpStatus, debugData);
    }

    private Response error(AutodiscoverError error, Outcome outcome, int httpStatus, String debugData) {
        // Exchange puts a number here that clients ignore; a random one tells nothing (a counter would tell the error volume).
        String id = Long.toString(ThreadLocalRandom.current().nextLong(1, 1L << 31));
        return Response.of(outcome, httpStatus, CONTENT_TYPE, AutodiscoverXml.error(error, id, AutodiscoverXml.now(), debugData))
                .withHeader("Cache-Control", CacheControl.NO_STORE);
    }
}
