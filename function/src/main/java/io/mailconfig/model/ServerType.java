package io.mailconfig.model;

import java.util.Locale;
import java.util.Optional;

/** The mail protocols a server item can offer. */
public enum ServerType {
    IMAP(true),
    POP3(true),
    SMTP(false);

    private final boolean incoming;

    ServerType(boolean incoming) {
        this.incoming = incoming;
    }

    public boolean incoming() {
        return incoming;
    }

    /** The spelling used in table items and in Mozilla Autoconfig: {@code imap}, {@code pop3}, {@code smtp}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ServerType> parse(String value) {
        for (ServerType type : values()) {
            if (type.id().equalsIgnoreCase(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
