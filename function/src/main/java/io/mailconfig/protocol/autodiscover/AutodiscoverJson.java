package io.mailconfig.protocol.autodiscover;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mailconfig.http.CacheControl;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.protocol.HostDomain;
import io.mailconfig.protocol.Lookup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * autodiscover.json (Autodiscover v2), which current Outlook asks before anything else:
 * {@code GET /autodiscover/autodiscover.json?Email=<address>&Protocol=<protocol>} or
 * {@code GET /autodiscover/autodiscover.json/v1.0/<address>?Protocol=<protocol>}. It only points
 * the client on: to the POX endpoint for {@code AutodiscoverV1}, to the ActiveSync server for
 * {@code ActiveSync}. Errors are JSON objects with ErrorCode and ErrorMessage.
 */
final class AutodiscoverJson {

    static final String PROTOCOL = "autodiscover-json";
    static final String PATH = "/autodiscover/autodiscover.json";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** How long clients and caches may keep an answer. */
    static final Duration CLIENT_TTL = Duration.ofMinutes(15);
    private static final String VERSIONED_PREFIX = "/v1.0/";
    /**
     * The POX endpoint is on the host the client asked, when that is an Autodiscover host: a
     * customer domain of the shared hosts has no {@code autodiscover.} host of its own.
     */
    private static final String HOST_PREFIX = "autodiscover.";
    private static final JsonFactory JSON = new JsonFactory();

    private final Lookup lookup;

    AutodiscoverJson(Lookup lookup) {
        this.lookup = lookup;
    }

    /** Any letter case, and the {@code /v1.0/<address>} form below the path. */
    Route route() {
        return new Route(PROTOCOL, PATH, true, true, Set.of("GET", "HEAD"), this::handle);
    }

    Response handle(Request request) {
        String below = request.path().substring(PATH.length());
        Optional<String> addressText;
        if (below.isEmpty() || below.equals("/")) {
            addressText = request.queryParameter("email");
        } else if (below.toLowerCase(Locale.ROOT).startsWith(VERSIONED_PREFIX)) {
            addressText = Optional.of(below.substring(VERSIONED_PREFIX.length()));
        } else {
            return error(Outcome.BAD_REQUEST, 404, "NotFound", "use /autodiscover/autodiscover.json/v1.0/<address> or ?Email=<address>");
        }
        Optional<String> protocol = request.queryParameter("protocol").map(p -> p.strip().toLowerCase(Locale.ROOT));
        boolean activeSync;
        if (protocol.isPresent() && protocol.get().equals("autodiscoverv1")) {
            activeSync = false;
        } else if (protocol.isPresent() && protocol.get().equals("activesync")) {
            activeSync = true;
        } else {
            return invalidProtocol("the protocol must be AutodiscoverV1 or ActiveSync");
        }
        return switch (lookup.address(addressText.orElse(null))) {
            case Lookup.Found found when !activeSync -> found("AutodiscoverV1", "https://" + HOST_PREFIX
                    + HostDomain.of(request, HOST_PREFIX).orElse(found.address().orElseThrow().domain()) + MicrosoftAutodiscover.PATH);
            case Lookup.Found found -> activeSyncUrl(found.config())
                    .map(url -> found("ActiveSync", url.toString()))
                    .orElseGet(() -> invalidProtocol("ActiveSync is not offered for this domain"));
            case Lookup.InvalidAddress invalid -> error(invalid.outcome(), 400, "InvalidUser", invalid.reason());
            case Lookup.UnknownDomain unknown -> error(unknown.outcome(), 404, "UserNotFound", "no configuration for this domain");
            case Lookup.Unavailable unavailable -> error(unavailable.outcome(), 503, "ServiceUnavailable",
                    "configuration temporarily unavailable").withHeader("Retry-After", Lookup.RETRY_AFTER_SECONDS);
        };
    }

    /** The domain's own ActiveSync server or, for an alias domain, that of the domain it stands for. */
    private static Optional<URI> activeSyncUrl(DomainConfig config) {
        Domain domain = config.domain();
        return domain.activeSyncUrl().or(() -> config.aliasTarget().flatMap(Domain::activeSyncUrl));
    }

    private static Response found(String protocol, String url) {
        return Response.of(Outcome.FOUND, 200, CONTENT_TYPE, object("Protocol", protocol, "Url", url))
                .withHeader("Cache-Control", CacheControl.shared(CLIENT_TTL));
    }

    private static Response invalidProtocol(String message) {
        return error(Outcome.BAD_REQUEST, 400, "InvalidProtocol", message);
    }

    private static Response error(Outcome outcome, int status, String code, String message) {
        return Response.of(outcome, status, CONTENT_TYPE, object("ErrorCode", code, "ErrorMessage", message))
                .withHeader("Cache-Control", CacheControl.NO_STORE);
    }

    /** A flat JSON object of string fields, written (and escaped) by Jackson. */
    private static byte[] object(String... fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                out.writeStringField(fields[i], fields[i + 1]);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
