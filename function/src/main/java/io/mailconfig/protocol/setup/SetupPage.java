package io.mailconfig.protocol.setup;

import io.mailconfig.http.CacheControl;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.DomainNames;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.Provider;
import io.mailconfig.protocol.Lookup;
import io.mailconfig.protocol.mobileconfig.ProfileDownloads;
import io.mailconfig.protocol.mobileconfig.ProfileDownloads.ProfileDownload;
import java.util.List;
import java.util.Optional;

/**
 * The setup page for people, at {@code GET /} on {@code autoconfig.<domain>}: a plain GET form for
 * the address, then what the device in hand needs first, every setting to type in by hand, and the
 * steps for each common mail program, in the person's language and the provider's look. It has no
 * JavaScript, and its policy forbids any. Errors are shown in the page with the matching status.
 */
public final class SetupPage {

    public static final String PROTOCOL = "setup";
    public static final String PATH = "/";
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
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
        PageRequest page = PageRequest.of(request);
        Texts texts = Texts.of(page.language());
        if (page.address().isEmpty()) {
            return form(request, page, texts, Outcome.FOUND, 200, Optional.empty());
        }
        if (page.addressTooLong()) {
            return form(request, page, texts, Outcome.BAD_REQUEST, 400, Optional.of(texts.html("error.tooLong")));
        }
        return switch (lookup.address(page.address())) {
            case Lookup.Found found -> settings(page, texts, found.config(), found.address().orElseThrow());
            case Lookup.InvalidAddress invalid -> form(request, page, texts, invalid.outcome(), 400,
                    Optional.of(texts.html(AddressProblems.key(page.address()))));
            case Lookup.UnknownDomain unknown -> form(request, page, texts, unknown.outcome(), 404,
                    Optional.of(texts.html("error.unknownDomain", "domain", unknown.domain())));
            case Lookup.Unavailable unavailable -> unavailable(page, texts);
        };
    }

    private Response settings(PageRequest page, Texts texts, DomainConfig config, EmailAddress address) {
        Provider provider = config.provider().provider();
        String[] values = {"provider", provider.name(), "address", address.toString()};
        Optional<GuidesHtml.Profile> profile = profiles.download(config, address, page.requestedName())
                .map(download -> new GuidesHtml.Profile(download.link(),
                        page.device() == Device.COMPUTER ? qrCode(page, texts, config, address, download) : Optional.empty()));
        StringBuilder main = new StringBuilder(32768);
        main.append("<p class=\"for\">").append(texts.html("settings.for", "address", address.toString()))
                .append(" · <a href=\"#").append(SetupHtml.FORM_ID).append("\">").append(texts.html("form.another"))
                .append("</a></p>\n");
        main.append(GuidesHtml.start(texts, page.device(), profile, values))
                .append(GuidesHtml.otherDevices(texts));
        if (config.provider().incomingServers().isEmpty() || config.provider().outgoingServers().isEmpty()) {
            main.append("<p id=\"").append(SettingsHtml.ID).append("\">").append(texts.html("error.noServers", values))
                    .append("</p>\n");
        } else {
            main.append(SettingsHtml.section(texts, config, address));
        }
        main.append(GuidesHtml.all(texts, profile, values))
                .append(SetupHtml.form(page, texts, Optional.of(texts.html("form.another")), Optional.empty()));
        Look look = Look.of(provider);
        return page(Outcome.FOUND, 200, texts, look, SetupHtml.page(page, texts, Optional.of(provider), look, main.toString()));
    }

    /**
     * The QR code of the profile's absolute link, for a phone's camera: with the person's name when
     * that still fits the bounded QR size, else without it; none when the page's origin is unknown
     * or even the address alone does not fit.
     */
    private Optional<String> qrCode(PageRequest page, Texts texts, DomainConfig config, EmailAddress address,
            ProfileDownload download) {
        if (page.origin().isEmpty()) {
            return Optional.empty();
        }
        String label = texts.plain("start.computer.qrLabel", "address", address.toString());
        return QrSvg.render(page.origin().get() + download.link(), label)
                .or(() -> profiles.download(config, address, Optional.empty())
                        .flatMap(plain -> QrSvg.render(page.origin().get() + plain.link(), label)));
    }

    /** The form, headed with the name of the provider whose {@code autoconfig.<domain>} the page is served on. */
    private Response form(Request request, PageRequest page, Texts texts, Outcome outcome, int status, Optional<String> error) {
        Optional<Lookup.Result> host = request.host()
                .map(h -> h.startsWith(AUTOCONFIG_HOST_PREFIX) ? h.substring(AUTOCONFIG_HOST_PREFIX.length()) : h)
                .flatMap(DomainNames::normalize)
                .map(lookup::domain);
        if (host.isPresent() && host.get() instanceof Lookup.Unavailable) {
            return unavailable(page, texts);
        }
        Optional<Provider> provider = host.flatMap(result -> result instanceof Lookup.Found found
                ? Optional.of(found.config().provider().provider()) : Optional.empty());
        Look look = provider.map(Look::of).orElse(Look.plain());
        return page(outcome, status, texts, look, SetupHtml.page(page, texts, provider, look,
                SetupHtml.form(page, texts, Optional.empty(), error)));
    }

    private static Response unavailable(PageRequest page, Texts texts) {
        return page(Outcome.UNAVAILABLE, 503, texts, Look.plain(), SetupHtml.page(page, texts, Optional.empty(), Look.plain(),
                SetupHtml.form(page, texts, Optional.empty(), Optional.of(texts.html("error.unavailable")))))
                .withHeader("Retry-After", Lookup.RETRY_AFTER_SECONDS);
    }

    private static Response page(Outcome outcome, int status, Texts texts, Look look, String html) {
        return Response.of(outcome, status, CONTENT_TYPE, html)
                .withHeader("Content-Security-Policy", look.contentSecurityPolicy())
                .withHeader("Content-Language", texts.language().tag())
                .withHeader("Vary", "Accept-Language, User-Agent")
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("Cache-Control", CacheControl.NO_STORE);
    }
}
