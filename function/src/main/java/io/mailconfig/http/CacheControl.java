package io.mailconfig.http;

import java.time.Duration;

/** Cache-Control values, each built from the one lifetime its protocol states. */
public final class CacheControl {

    /** Errors and per-person answers: nobody keeps them. */
    public static final String NO_STORE = "no-store";

    private CacheControl() {
    }

    /** Any cache may keep the answer for {@code ttl}. */
    public static String shared(Duration ttl) {
        return "public, max-age=" + ttl.toSeconds();
    }

    /** Only the client itself may keep the answer for {@code ttl}. */
    public static String privateFor(Duration ttl) {
        return "private, max-age=" + ttl.toSeconds();
    }
}
