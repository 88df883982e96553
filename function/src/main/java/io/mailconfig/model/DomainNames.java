package io.mailconfig.model;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Domain names as mailconfig compares them: lower-case ASCII, internationalised names in punycode,
 * so {@code Bücher.Example} and {@code xn--bcher-kva.example} are the same domain.
 */
public final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    private DomainNames() {
    }

    /**
     * The canonical form of a mail domain, or empty when it is not a fully qualified host name
     * (at least two labels of letters, digits and inner hyphens; the last not all digits).
     */
    public static Optional<String> normalize(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String candidate = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String ascii;
        try {
            ascii = IDN.toASCII(candidate, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(ascii);
    }
}
