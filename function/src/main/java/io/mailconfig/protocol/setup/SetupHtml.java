package io.mailconfig.protocol.setup;

import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.SocketType;
import io.mailconfig.protocol.mobileconfig.ProfileDownloads.ProfileDownload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The setup page for people: a form for the address, then the settings to type in by hand, the
 * Apple profile link (and its QR code on wide screens) and hints for Thunderbird and Outlook.
 * Every value from the request or the table goes through {@link Html#escape}. The one stylesheet is
 * inline and allowed by its hash, so the Content-Security-Policy needs no 'unsafe-inline'.
 */
final class SetupHtml {

    static final String STYLE = """
            body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:46rem;padding:1rem;color:#1a1a1a;background:#fff}
            h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem;margin-bottom:.25rem}
            label{display:block;font-weight:600;margin-top:.75rem}
            input{font:inherit;padding:.4rem;width:100%;max-width:24rem;box-sizing:border-box;border:1px solid #555;border-radius:4px}
            button,.button{display:inline-block;font:inherit;margin-top:1rem;padding:.5rem 1rem;border-radius:4px;border:0;background:#0a58ca;color:#fff;text-decoration:none}
            button:focus,.button:focus,input:focus{outline:3px solid #f5a623;outline-offset:2px}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;word-break:break-all}
            .error{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee}
            .qr{float:right;width:11rem;height:11rem;margin:0 0 1rem 1rem}figure{margin:0}figcaption{font-size:.9rem}
            @media (max-width:48rem),(pointer:coarse){.qr-block{display:none}}
            """;
    static final String STYLE_HASH = "sha256-" + Base64.getEncoder().encodeToString(sha256(STYLE));

    private SetupHtml() {
    }

    /** The form alone, or the form and an error message. */
    static String form(Optional<String> provider, String address, String name, Optional<String> error) {
        return page(provider, address, name, error.map(message ->
                "<p class=\"error\" role=\"alert\" id=\"error\">" + Html.escape(message) + "</p>\n").orElse(""));
    }

    /**
     * @param profile    the Apple profile of the address, whose servers are also the ones to type in by hand
     * @param profileUrl the absolute address of the Apple profile, for the QR code; empty when the
     *                   request does not say where this page is served
     */
    static String settings(DomainConfig config, EmailAddress address, String name, Optional<ProfileDownload> profile,
            Optional<String> profileUrl) {
        String provider = config.provider().provider().name();
        StringBuilder html = new StringBuilder();
        html.append("<section aria-labelledby=\"settings-heading\" id=\"settings\">\n")
                .append("<h2 id=\"settings-heading\">Settings for ").append(Html.escape(address.toString())).append("</h2>\n");
        if (profile.isEmpty()) {
            html.append("<p>").append(Html.escape(provider))
                    .append(" has no mail server that can be set up by hand. Ask its support.</p>\n</section>\n");
            return page(Optional.of(provider), address.toString(), name, html.toString());
        }
        html.append("<p>Your password is your mailbox password; it is never part of these settings.</p>\n");
        server(html, "incoming", "Incoming mail (" + profile.get().incoming().type().name() + ")", config, address,
                profile.get().incoming());
        server(html, "outgoing", "Outgoing mail (SMTP)", config, address, profile.get().outgoing());
        config.provider().davServer(DavType.CALDAV).ifPresent(dav -> dav(html, "caldav", "Calendar (CalDAV)", config, address, dav));
        config.provider().davServer(DavType.CARDDAV).ifPresent(dav -> dav(html, "carddav", "Contacts (CardDAV)", config, address, dav));
        html.append("</section>\n");

        html.append("<section aria-labelledby=\"apple-heading\">\n<h2 id=\"apple-heading\">iPhone, iPad and Mac</h2>\n");
        profileUrl.ifPresent(url -> html.append("<figure class=\"qr-block\">")
                .append(QrSvg.render(url, "QR code of the profile link for " + address))
                .append("<figcaption>On a computer? Scan this with the camera of your iPhone or iPad.</figcaption></figure>\n"));
        html.append("<p>Open this page in Safari on the device, download the profile, then open Settings and install "
                        + "it from <em>Profile Downloaded</em>. It asks for your password.</p>\n")
                .append("<p><a class=\"button\" id=\"profile-link\" href=\"").append(Html.escape(profile.get().link()))
                .append("\">Download the profile for ").append(Html.escape(address.toString())).append("</a></p>\n")
                .append("</section>\n");

        html.append("<section aria-labelledby=\"other-heading\">\n<h2 id=\"other-heading\">Other mail programs</h2>\n")
                .append("<h3>Thunderbird</h3>\n<p>Add a mail account with your name, address and password: Thunderbird "
                        + "finds these settings by itself. If it does not, choose <em>Configure manually</em> and enter "
                        + "the settings above.</p>\n")
                .append("<h3>Outlook</h3>\n<p>Choose <em>Add account</em> and enter your address. If Outlook asks for the "
                        + "account type, choose <em>IMAP</em> and enter the settings above.</p>\n</section>\n");
        return page(Optional.of(provider), address.toString(), name, html.toString());
    }

    private static void server(StringBuilder html, String id, String title, DomainConfig config, EmailAddress address,
            MailServer server) {
        html.append("<h3>").append(Html.escape(title)).append("</h3>\n<dl id=\"").append(id).append("\">\n");
        entry(html, "Server", server.hostname());
        entry(html, "Port", Integer.toString(server.port()));
        entry(html, "Security", server.socketType() == SocketType.SSL ? "SSL/TLS" : "STARTTLS");
        entry(html, "Authentication", authentication(server.authentication().getFirst()));
        entry(html, "Username", config.loginName(server, address));
        html.append("</dl>\n");
    }

    private static void dav(StringBuilder html, String id, String title, DomainConfig config, EmailAddress address,
            DavServer dav) {
        html.append("<h3>").append(Html.escape(title)).append("</h3>\n<dl id=\"").append(id).append("\">\n");
        entry(html, "Server address", dav.url().toString());
        entry(html, "Username", config.loginName(dav, address));
        html.append("</dl>\n");
    }

    private static void entry(StringBuilder html, String term, String value) {
        html.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static String authentication(Authentication method) {
        return switch (method) {
            case PASSWORD_CLEARTEXT -> "Normal password";
            case PASSWORD_ENCRYPTED -> "Encrypted password (CRAM-MD5)";
            case OAUTH2 -> "OAuth2 (sign in with the provider)";
            case TLS_CLIENT_CERT -> "TLS client certificate";
            case NONE, CLIENT_IP_ADDRESS -> "None";
            default -> method.id();
        };
    }

    private static String page(Optional<String> provider, String address, String name, String main) {
        String title = provider.map(p -> "Set up your " + p + " mail").orElse("Set up your mail");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<header><h1>" + Html.escape(title) + "</h1></header>\n<main>\n"
                + "<form method=\"get\" action=\"/\">\n"
                + "<label for=\"emailaddress\">Email address</label>\n"
                + "<input id=\"emailaddress\" name=\"emailaddress\" type=\"text\" inputmode=\"email\" autocomplete=\"email\" "
                + "autocapitalize=\"none\" spellcheck=\"false\" required value=\"" + Html.escape(address) + "\">\n"
                + "<label for=\"name\">Your name (optional)</label>\n"
                + "<input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"name\" value=\"" + Html.escape(name) + "\">\n"
                + "<button type=\"submit\">Show my settings</button>\n</form>\n"
                + main
                + "</main>\n</body>\n</html>\n";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
