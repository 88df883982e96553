package io.mailconfig.protocol;

import io.mailconfig.http.Outcome;
import io.mailconfig.http.Response;

/** The plain-text answers of the protocols whose errors are a status code and one line of text. */
public final class TextErrors {

    private TextErrors() {
    }

    /** The answer to a lookup that found nothing to answer with: 400, 404 or 503 with {@code Retry-After}. */
    public static Response of(Lookup.Result result) {
        return switch (result) {
            case Lookup.Found found -> throw new IllegalArgumentException("a lookup that found a configuration is no error");
            case Lookup.InvalidAddress invalid -> Response.text(invalid.outcome(), 400, invalid.reason());
            case Lookup.UnknownDomain unknown -> Response.text(unknown.outcome(), 404, "no configuration for this domain");
            case Lookup.Unavailable unavailable -> Response.text(unavailable.outcome(), 503, "configuration temporarily unavailable")
                    .withHeader("Retry-After", Lookup.RETRY_AFTER_SECONDS);
        };
    }
}
