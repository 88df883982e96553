package io.mailconfig.protocol.mtasts;

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
 * Hosted MTA-STS (RFC 8461): sending mail servers ask
 * {@code GET https://mta-sts.<domain>/.well-known/mta-sts.txt} once the {@code _mta-sts} TXT record
 * tells them a policy exists, whatever runs the domain's mail servers. The policy is the
 * provider's ({@code mtaStsMode}, {@code mtaStsMx}, {@code mtaStsMaxAge} on its item). Errors are a
 * status code and one line of text; a sender treats any of them as "no policy".
 */
public final class MtaSts {

    public static final String PROTOCOL = "mta-sts";
    public static final String PATH = "/.well-known/mta-sts.txt";
    public static final String HOST_PREFIX = "mta-sts.";
    /** RFC 8461 section 3.2: the policy is {@code text/plain}. */
    static final String CONTENT_TYPE = "text/plain; charset=utf-8";
    /** Senders keep the policy for its max_age themselves; HTTP caches need not keep it long. */
    static final Duration CLIENT_TTL = Duration.ofMinutes(5);

    private final Lookup lookup;

    public MtaSts(Lookup lookup) {
        this.lookup = lookup;
    }

    public List<Route> routes() {
        return List.of(Route.get(PROTOCOL, PATH, this::handle));
    }

    Response handle(Request request) {
        return HostDomain.answer(request, HOST_PREFIX, lookup, found -> found.config().provider().services().mtaSts()
                .map(policy -> Response.of(Outcome.FOUND, 200, CONTENT_TYPE, MtaStsPolicyFile.render(policy))
                        .withHeader("Cache-Control", CacheControl.shared(CLIENT_TTL)))
                .orElseGet(() -> Response.text(Outcome.UNKNOWN_DOMAIN, 404, "no MTA-STS policy for this domain")));
    }
}
