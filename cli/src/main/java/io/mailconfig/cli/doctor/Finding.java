package io.mailconfig.cli.doctor;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check, as the doctor prints it.
 *
 * @param check what kind of check, e.g. {@code dns}, {@code tls}, {@code autoconfig}
 * @param asked what was asked, e.g. {@code SRV _imaps._tcp.example.com}
 * @param got   what came back, or why nothing did
 * @param fix   for a WARN or FAIL, what to change
 */
public record Finding(Status status, String check, String asked, String got, Optional<String> fix) {

    public enum Status {
        PASS, WARN, FAIL
    }

    public Finding {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(got, "got");
        Objects.requireNonNull(fix, "fix");
    }

    public static Finding pass(String check, String asked, String got) {
        return new Finding(Status.PASS, check, asked, got, Optional.empty());
    }

    public static Finding warn(String check, String asked, String got, String fix) {
        return new Finding(Status.WARN, check, asked, got, Optional.of(fix));
    }

    public static Finding fail(String check, String asked, String got, String fix) {
        return new Finding(Status.FAIL, check, asked, got, Optional.of(fix));
    }
}
