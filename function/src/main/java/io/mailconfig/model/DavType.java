package io.mailconfig.model;

import java.util.Locale;
import java.util.Optional;

/** Calendar and address book servers. */
public enum DavType {
    CALDAV,
    CARDDAV;

    /** The spelling used in table items: {@code caldav}, {@code carddav}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DavType> parse(String value) {
        for (DavType type : values()) {
            if (type.id().equalsIgnoreCase(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
