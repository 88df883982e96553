package io.mailconfig.protocol.setup;

import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.DomainNames;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.EmailAddress.InvalidAddressException;
import io.mailconfig.protocol.mobileconfig.AppleMailAccount;
import io.mailconfig.protocol.mobileconfig.AppleMobileconfig;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The setup page for people, at {@code GET /} on {@code autoconfig.<domain>}: a plain GET form, so
 * it works without JavaScript (the page has none, and its policy forbids any). Errors are shown in
 * the page with the matching status.
 */
public final class SetupPage {

    public static final String PROTOCOL = "setup";
    public static final String PATH = "/";
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    static final String RETRY_AFTER_SECONDS = "30";
    /**
     * Nothing loads but the page itself: the stylesheet is inline and allowed by its hash, the QR
     * code is inline SVG markup (not an image fetch, so img-src stays 'none'), the form submits to
     * this origin only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + SetupHtml.STYLE_HASH
            + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String AUTOCONFIG_HOST_PREFIX = "autoconfig.";
    /** A Host header fit to put in a link: a name or address and an optional port, nothing else. */
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    private final ConfigStore store;

    public SetupPage(ConfigStore store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(Route.get(PROTOCOL, PATH, this::handle));
    }

    Response handle(Request request) {
        String typed = request.queryParameter("emailaddress").orElse("").strip();
        String name = request.queryParameter("name").orElse("").strip();
        try {
            if (typed.isEmpty()) {
                return page(200, SetupHtml.form(hostProvider(request), "", name, Optional.empty()));
            }
            EmailAddress address;
            try {
                address = EmailAddress.parse(typed);
            } catch (InvalidAddressException e) {
                return page(400, SetupHtml.form(hostProvider(request), typed, name,
                        Optional.of("This is not an email address: " + e.getMessage() + ".")));
            }
            Optional<DomainConfig> config = store.find(address.domain());
            if (config.isEmpty()) {
                return page(404, SetupHtml.form(hostProvider(request), typed, name,
                        Optional.of("There are no settings for " + address.domain() + " here. Check the address, "
                                + "or ask your mail provider where to find its settings.")));
            }
            Optional<String> person = AppleMobileconfig.personName(request, config.get(), address);
            String link = AppleMobileconfig.link(address, person);
            return page(200, SetupHtml.settings(config.get(), address, name,
                    AppleMailAccount.choose(config.get().provider()), link, origin(request).map(origin -> origin + link)));
        } catch (StoreUnavailableException e) {
            return page(503, SetupHtml.form(Optional.empty(), typed, name,
                    Optional.of("The settings cannot be read right now. Please try again in a minute.")))
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
    }

    private static Response page(int status, String html) {
        return Response.of(status, CONTENT_TYPE, html)
                .withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("Cache-Control", "no-store");
    }

    /** The provider's name for the page's heading, from {@code autoconfig.<domain>} in the Host header. */
    private Optional<String> hostProvider(Request request) {
        return request.host()
                .map(host -> host.startsWith(AUTOCONFIG_HOST_PREFIX) ? host.substring(AUTOCONFIG_HOST_PREFIX.length()) : host)
                .flatMap(DomainNames::normalize)
                .flatMap(store::find)
                .map(config -> config.provider().provider().name());
    }

    /** Where this page is served, for the QR code's absolute link; http only on loopback. */
    static Optional<String> origin(Request request) {
        Optional<String> host = request.header("host").map(String::strip).filter(h -> SAFE_HOST.matcher(h).matches());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String bare = request.host().orElse("");
        boolean loopback = bare.equals("localhost") || bare.equals("[::1]") || bare.startsWith("127.");
        String scheme = loopback && !"https".equals(request.header("x-forwarded-proto").orElse("")) ? "http" : "https";
        return Optional.of(scheme + "://" + host.get());
    }
}
