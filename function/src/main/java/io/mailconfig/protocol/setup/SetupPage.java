package io.mailconfig.protocol.setup;

import io.mailconfig.http.CacheControl;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.DomainNames;
import io.mailconfig.protocol.Lookup;
import io.mailconfig.protocol.mobileconfig.ProfileDownloads;
import io.mailconfig.protocol.mobileconfig.ProfileDownloads.ProfileDownload;
import java.util.List;
import java.util.Optional;

/**
 * The setup page for people, at {@code GET /} on {@code autoconfig.<domain>}: a plain GET form, so
 * it works without JavaScript (the page has none, and its policy forbids any). Errors are shown in
 * the page with the matching status.
 */
public final class SetupPage {

    public static final String PROTOCOL = "setup";
    public static final String PATH = "/";
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    /**
     * Nothing loads but the page itself: the stylesheet is inline and allowed by its hash, the QR
     * code is inline SVG markup (not an image fetch, so img-src stays 'none'), the form submits to
     * this origin only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + SetupHtml.STYLE_HASH
            + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String AUTOCONFIG_HOST_PREFIX = "autoconfig.";

    private final Lookup lookup;
    private final ProfileDownloads profiles;

    public SetupPage(Lookup lookup, ProfileDownloads profiles) {
        this.lookup = lookup;
        this.profiles = profiles;
    }

    public List<Route> routes() {
        return List.of(Route.get(PROTOCOL, PATH, this::handle));
    }

    Response handle(Request request) {
        String typed = request.queryParameter("emailaddress").orElse("").strip();
        String name = request.queryParameter("name").orElse("").strip();
        if (typed.isEmpty()) {
            return form(request, Outcome.FOUND, 200, typed, name, Optional.empty());
        }
        return switch (lookup.address(typed)) {
            case Lookup.Found found -> {
                Optional<ProfileDownload> profile = profiles.download(found.config(), found.address().orElseThrow(),
                        request.queryParameter("name"));
                yield page(found.outcome(), 200, SetupHtml.settings(found.config(), found.address().orElseThrow(), name,
                        profile, request.origin().flatMap(origin -> profile.map(p -> origin + p.link()))));
            }
            case Lookup.InvalidAddress invalid -> form(request, invalid.outcome(), 400, typed, name,
                    Optional.of("This is not an email address: " + invalid.reason() + "."));
            case Lookup.UnknownDomain unknown -> form(request, unknown.outcome(), 404, typed, name,
                    Optional.of("There are no settings for " + unknown.domain() + " here. Check the address, "
                            + "or ask your mail provider where to find its settings."));
            case Lookup.Unavailable unavailable -> unavailable(typed, name);
        };
    }

    /** The form, headed with the name of the provider whose {@code autoconfig.<domain>} the page is served on. */
    private Response form(Request request, Outcome outcome, int status, String typed, String name, Optional<String> error) {
        Optional<Lookup.Result> host = request.host()
                .map(h -> h.startsWith(AUTOCONFIG_HOST_PREFIX) ? h.substring(AUTOCONFIG_HOST_PREFIX.length()) : h)
                .flatMap(DomainNames::normalize)
                .map(lookup::domain);
        if (host.isPresent() && host.get() instanceof Lookup.Unavailable) {
            return unavailable(typed, name);
        }
        Optional<String> provider = host.flatMap(result -> result instanceof Lookup.Found found
                ? Optional.of(found.config().provider().provider().name()) : Optional.empty());
        return page(outcome, status, SetupHtml.form(provider, typed, name, error));
    }

    private static Response unavailable(String typed, String name) {
        return page(Outcome.UNAVAILABLE, 503, SetupHtml.form(Optional.empty(), typed, name,
                Optional.of("The settings cannot be read right now. Please try again in a minute.")))
                .withHeader("Retry-After", Lookup.RETRY_AFTER_SECONDS);
    }

    private static Response page(Outcome outcome, int status, String html) {
        return Response.of(outcome, status, CONTENT_TYPE, html)
                .withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("Cache-Control", CacheControl.NO_STORE);
    }
}
