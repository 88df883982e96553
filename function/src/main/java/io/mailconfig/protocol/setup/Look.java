package io.mailconfig.protocol.setup;

import io.mailconfig.model.Provider;
import io.mailconfig.protocol.Sha256;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * How the page looks for one provider, and the Content-Security-Policy that allows exactly that:
 * the one stylesheet (by its hash), the accent colour as a second, tiny stylesheet (by its own
 * hash), and the logo's origin in img-src. Nothing else loads: the QR code is inline SVG, the form
 * submits to this origin only, and there is no script.
 */
record Look(Optional<URI> logo, Optional<String> accentStyle) {

    static final String STYLE = """
            body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:48rem;padding:0 1rem 2rem;color:#1a1a1a;background:#fff}
            header{border-bottom:4px solid var(--accent,#0a58ca);padding:.5rem 0 .25rem;margin-bottom:1rem}
            .brand{display:flex;align-items:center;gap:.75rem}.logo{max-height:3rem;max-width:10rem}
            h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem}
            h3{font-size:1.1rem;margin:1.25rem 0 .25rem}h4{font-size:1rem;margin:1rem 0 .25rem}
            a{color:#0645ad}p{margin:.5rem 0}ol{padding-left:1.5rem}li{margin:.25rem 0}
            nav ul{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
            label{display:block;font-weight:600;margin-top:.75rem}
            input{font:inherit;padding:.5rem;width:100%;max-width:26rem;box-sizing:border-box;border:1px solid #555;border-radius:4px}
            button,.button{display:inline-block;font:inherit;font-weight:600;margin:.75rem 0 .25rem;padding:.6rem 1.1rem;border:0;border-radius:6px;background:var(--accent,#0a58ca);color:var(--on-accent,#fff);text-decoration:none}
            :focus-visible{outline:3px solid #f5a623;outline-offset:2px}
            .start{display:flow-root;border:1px solid #bbb;border-radius:8px;padding:0 1rem .75rem;margin:1rem 0}.start h2{margin-top:.75rem}
            .for{font-size:1.05rem}.note{color:#444}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;min-width:0}
            code{font-family:ui-monospace,monospace;-webkit-user-select:all;user-select:all;overflow-wrap:anywhere;background:#f2f2f2;padding:0 .2rem;border-radius:3px}
            .error{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee}
            .qr-block{float:right;width:12rem;margin:0 0 1rem 1rem}.qr{width:12rem;height:12rem}figcaption{font-size:.9rem}
            @media (pointer:coarse){.qr-block{display:none}}
            @media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}h1{font-size:1.3rem}}
            """;
    static final String STYLE_HASH = hash(STYLE);
    private static final Look PLAIN = new Look(Optional.empty(), Optional.empty());

    static Look plain() {
        return PLAIN;
    }

    static Look of(Provider provider) {
        return new Look(provider.logoUrl(), provider.accentColor().map(Look::accentStyle));
    }

    /** The accent as CSS variables, with black or white text on it, whichever contrasts more. */
    private static String accentStyle(String color) {
        return ":root{--accent:" + color + ";--on-accent:" + (whiteReadsBetter(color) ? "#fff" : "#000") + "}";
    }

    /** WCAG contrast of white and of black on the colour; the better of the two is at least 4.58:1 for any colour. */
    static boolean whiteReadsBetter(String color) {
        double luminance = luminance(color);
        return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05);
    }

    static double luminance(String color) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double value = Integer.parseInt(color.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    /** The {@code <style>} elements of the page's head. */
    String styles() {
        return "<style>" + STYLE + "</style>\n" + accentStyle.map(style -> "<style>" + style + "</style>\n").orElse("");
    }

    String contentSecurityPolicy() {
        return "default-src 'none'; style-src '" + STYLE_HASH + "'" + accentStyle.map(style -> " '" + hash(style) + "'").orElse("")
                + logo.map(url -> "; img-src " + origin(url)).orElse("")
                + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of the logo, exactly what img-src needs to allow it and nothing more. */
    static String origin(URI url) {
        return "https://" + url.getHost().toLowerCase(Locale.ROOT) + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String hash(String style) {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.of(style.getBytes(StandardCharsets.UTF_8)));
    }
}
