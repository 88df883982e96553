package io.mailconfig.protocol.autodiscover;

/** The error codes of POX Autodiscover that mailconfig answers with, and the HTTP status of each. */
enum AutodiscoverError {
    /** The address's domain has no configuration here. */
    NO_CONFIGURATION(500, "The email address cannot be found.", 404),
    /** The request is not a usable Autodiscover request. */
    INVALID_REQUEST(600, "Invalid Request", 400),
    /** The client asked for a schema this domain cannot be answered in (e.g. MobileSync without ActiveSync). */
    SCHEMA_NOT_AVAILABLE(601, "The requested schema is not available.", 404),
    /** The configuration could not be read right now; the client may try again. */
    INTERNAL_ERROR(603, "The configuration is temporarily unavailable.", 503);

    private final int code;
    private final String message;
    private final int httpStatus;

    AutodiscoverError(int code, String message, int httpStatus) {
        this.code = code;
        this.message = message;
        this.httpStatus = httpStatus;
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
}
