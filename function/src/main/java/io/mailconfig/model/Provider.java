package io.mailconfig.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The organisation that runs the mail service.
 *
 * @param id               the key of the provider's partition ({@code PROVIDER#<id>})
 * @param name             the long display name, e.g. "Example Mail Hosting"
 * @param shortName        the short display name, e.g. "Example"
 * @param documentationUrl where people find setup instructions, if the provider has a page
 * @param logoUrl          an https image the setup page shows beside the provider's name
 * @param accentColor      the colour of the setup page's buttons and header rule, {@code #rrggbb} in lower case
 */
public record Provider(String id, String name, String shortName, Optional<URI> documentationUrl,
        Optional<URI> logoUrl, Optional<String> accentColor) {

    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-f]{6}");
    /** Every page carries the logo's URL: a link, not a document. */
    private static final int MAX_LOGO_URL_LENGTH = 2048;

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(documentationUrl, "documentationUrl");
        Objects.requireNonNull(logoUrl, "logoUrl");
        Objects.requireNonNull(accentColor, "accentColor");
        logoUrl = logoUrl.map(Provider::checkedLogoUrl);
        accentColor = accentColor.map(Provider::checkedAccentColor);
    }

    /** A provider without a logo or accent colour of its own. */
    public Provider(String id, String name, String shortName, Optional<URI> documentationUrl) {
        this(id, name, shortName, documentationUrl, Optional.empty(), Optional.empty());
    }

    /** The URL, if a page may load it as the provider's logo; otherwise IllegalArgumentException saying why. */
    public static URI checkedLogoUrl(URI url) {
        if (url.toString().length() > MAX_LOGO_URL_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LOGO_URL_LENGTH + " characters");
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("not an https URL with a host and without a user name: " + url);
        }
        return url;
    }

    /** The colour in lower case, if it is {@code #rrggbb}; otherwise IllegalArgumentException saying why. */
    public static String checkedAccentColor(String color) {
        String lower = color.strip().toLowerCase(Locale.ROOT);
        if (!HEX_COLOR.matcher(lower).matches()) {
            throw new IllegalArgumentException("not a colour written as #rrggbb (e.g. #1a6b3c): " + color);
        }
        return lower;
    }
}
