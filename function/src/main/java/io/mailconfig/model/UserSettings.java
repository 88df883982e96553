package io.mailconfig.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings for one mailbox that differ from its domain's defaults.
 *
 * @param address     the mailbox address, lower case
 * @param loginName   the login name to use instead of the expanded username template
 * @param displayName the person's name
 */
public record UserSettings(String address, Optional<String> loginName, Optional<String> displayName) {

    public UserSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(loginName, "loginName");
        Objects.requireNonNull(displayName, "displayName");
    }
}
