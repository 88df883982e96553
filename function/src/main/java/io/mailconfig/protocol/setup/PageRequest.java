package io.mailconfig.protocol.setup;

import io.mailconfig.http.Request;
import java.util.Optional;

/**
 * What a request to the page asks for, with every value the page reflects cut to a bounded length,
 * so no request makes the answer (or its QR code) grow past a fixed size.
 *
 * @param address        the address as typed, at most {@link #MAX_ADDRESS_LENGTH} characters
 * @param addressTooLong whether the typed address was longer, and so cannot be one
 * @param name           the person's name, at most {@link #MAX_NAME_LENGTH} code points; empty when none
 * @param chosenLanguage the language picked in the page ({@code lang=}), carried on through the form
 * @param origin         where the page is served, for the QR code's absolute link
 */
record PageRequest(String address, boolean addressTooLong, String name, Language language,
        Optional<Language> chosenLanguage, Device device, Optional<String> origin) {

    /** A local part of 64 and a domain of 253 characters, with the @: no longer address exists. */
    static final int MAX_ADDRESS_LENGTH = 318;
    /** As the Apple profile keeps it: a display name, not a document. */
    static final int MAX_NAME_LENGTH = 128;

    static PageRequest of(Request request) {
        String typed = request.queryParameter("emailaddress").orElse("").strip();
        Optional<Language> chosen = request.queryParameter("lang").flatMap(Language::ofTag);
        Language language = chosen.or(() -> request.header("accept-language").flatMap(Language::preferred))
                .orElse(Language.EN);
        return new PageRequest(cut(typed, MAX_ADDRESS_LENGTH), typed.codePointCount(0, typed.length()) > MAX_ADDRESS_LENGTH,
                cut(request.queryParameter("name").orElse("").strip(), MAX_NAME_LENGTH).strip(), language, chosen,
                Device.of(request.header("user-agent")), request.origin());
    }

    /** The first {@code max} code points of the text. */
    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    Optional<String> requestedName() {
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
