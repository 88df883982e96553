package io.mailconfig.http;

import java.util.Locale;

/** What became of a request, as the operator counts it; each answer states its own. */
public enum Outcome {
    /** The client got the settings it asked for. */
    FOUND,
    /** No configuration for the domain asked about. */
    UNKNOWN_DOMAIN,
    /** The request itself cannot be answered: malformed, an unknown path or method, too large. */
    BAD_REQUEST,
    /** The table could not be read right now; the client was told when to try again. */
    UNAVAILABLE,
    /** A failure of mailconfig's own. */
    ERROR;

    /** The metric dimension: {@code found}, {@code unknown-domain}, {@code bad-request}, {@code unavailable}, {@code error}. */
    public String dimension() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
