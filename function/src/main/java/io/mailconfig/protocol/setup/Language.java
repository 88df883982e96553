package io.mailconfig.protocol.setup;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the setup page speaks, each with its own texts file. The person's choice in the
 * page ({@code lang=}) wins; otherwise the browser's Accept-Language; English when neither names one.
 */
enum Language {
    EN("en", "English"),
    DE("de", "Deutsch"),
    FR("fr", "Français"),
    ES("es", "Español");

    /** Accept-Language entries read; a browser sends a handful, the rest of a long header is ignored. */
    private static final int MAX_ACCEPTED_RANGES = 32;

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    /** The BCP 47 tag of {@code <html lang>} and {@code Content-Language}. */
    String tag() {
        return tag;
    }

    /** The language's name in itself, as the language switch shows it. */
    String nativeName() {
        return nativeName;
    }

    /** The language a tag or range names ({@code de}, {@code de-AT}, {@code FR-ch}), by its primary subtag. */
    static Optional<Language> ofTag(String tag) {
        String trimmed = tag.strip();
        int dash = trimmed.indexOf('-');
        String primary = (dash < 0 ? trimmed : trimmed.substring(0, dash)).toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The supported language the Accept-Language header prefers most (highest q, the earlier of
     * equals), or empty when it names none of them.
     */
    static Optional<Language> preferred(String acceptLanguage) {
        Language best = null;
        double bestWeight = 0;
        String[] ranges = acceptLanguage.split(",", MAX_ACCEPTED_RANGES + 1);
        for (int i = 0; i < Math.min(ranges.length, MAX_ACCEPTED_RANGES); i++) {
            String[] parts = ranges[i].split(";", -1);
            double weight = weight(parts);
            Optional<Language> language = ofTag(parts[0]);
            if (language.isPresent() && weight > bestWeight) {
                best = language.get();
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double weight(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
