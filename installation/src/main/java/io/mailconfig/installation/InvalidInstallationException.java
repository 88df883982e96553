package io.mailconfig.installation;

import java.util.List;

/** Thrown with every problem found in a configuration, one a line, each naming the setting. */
public final class InvalidInstallationException extends RuntimeException {

    private final List<String> problems;

    public InvalidInstallationException(List<String> problems) {
        super("mailconfig configuration is not usable:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
