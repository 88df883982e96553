package io.mailconfig.protocol.autodiscover;

import io.mailconfig.http.Outcome;

/** The error codes of POX Autodiscover that mailconfig answers with, the HTTP status and the outcome of each. */
enum AutodiscoverError {
    /** The address's domain has no configuration here. */
    NO_CONFIGURATION(500, "The email address cannot be found.", 404, Outcome.UNKNOWN_DOMAIN),
    /** The request is not a usable Autodiscover request. */
    INVALID_REQUEST(600, "Invalid Request", 400, Outcome.BAD_REQUEST),
    /** The client asked for a schema this domain cannot be answered in (e.g. MobileSync without ActiveSync). */
    SCHEMA_NOT_AVAILABLE(601, "The requested schema is not available.", 404, Outcome.BAD_REQUEST),
    /** The configuration could not be read right now; the client may try again. */
    INTERNAL_ERROR(603, "The configuration is temporarily unavailable.", 503, Outcome.UNAVAILABLE);

    private final int code;
    private final String message;
    private final int httpStatus;
    private final Outcome outcome;

    AutodiscoverError(int code, String message, int httpStatus, Outcome outcome) {
        this.code = code;
        this.message = message;
        this.httpStatus = httpStatus;
        this.outcome = outcome;
    }

    int code() {
        return code;
    }

    String message() {
        return message;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** What the error means for the operator's count, unless the case says otherwise. */
    Outcome outcome() {
        return outcome;
    }
}
