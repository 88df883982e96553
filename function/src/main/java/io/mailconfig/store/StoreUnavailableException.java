package io.mailconfig.store;

/** The store could not answer (unreachable, throttled, timed out); the request may succeed later. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
