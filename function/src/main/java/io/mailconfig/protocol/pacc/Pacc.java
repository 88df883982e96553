package io.mailconfig.protocol.pacc;

import io.mailconfig.http.CacheControl;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.protocol.HostDomain;
import io.mailconfig.protocol.Lookup;
import java.time.Duration;
import java.util.List;

/**
 * PACC, "Provider Automatic Configuration for Clients" ({@value PaccDocument#DRAFT}): clients ask
 * {@code GET https://ua-auto-config.<domain>/.well-known/user-agent-configuration.json} with
 * nothing but the domain in the host name, and check the body against the
 * {@code _ua-auto-config.<domain>} TXT record. Errors are a status code and one line of text.
 */
public final class Pacc {

    public static final String PROTOCOL = "pacc";
    public static final String PATH = "/.well-known/user-agent-configuration.json";
    /** The host a domain's document is served on: {@code ua-auto-config.<domain>}. */
    public static final String HOST_PREFIX = "ua-auto-config.";
    static final String CONTENT_TYPE = "application/json";
    /**
     * How long clients and caches may keep the document. After a change its old digest stays in
     * DNS for this long plus the function's own cache lifetime, so a kept copy still verifies.
     */
    public static final Duration CLIENT_TTL = Duration.ofMinutes(5);

    private final Lookup lookup;

    public Pacc(Lookup lookup) {
        this.lookup = lookup;
    }

    public List<Route> routes() {
        return List.of(Route.get(PROTOCOL, PATH, this::handle));
    }

    Response handle(Request request) {
        return HostDomain.answer(request, HOST_PREFIX, lookup, found -> PaccDocument.render(found.config())
                .map(body -> Response.of(Outcome.FOUND, 200, CONTENT_TYPE, body).withHeader("Cache-Control", CacheControl.shared(CLIENT_TTL)))
                .orElseGet(() -> Response.text(Outcome.UNKNOWN_DOMAIN, 404, "no server of this domain can be described in PACC")));
    }
}
