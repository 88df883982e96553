package io.mailconfig.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.cli.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dev cli doctor} against a whole installation on loopback ({@link TestInstallation}):
 * a correct one passes every check, and each way installations break gives its own FAIL.
 */
class DoctorTest {

    @TempDir
    Path directory;

    @Test
    void aCorrectInstallationPassesEveryCheck() throws Exception {
        try (TestInstallation installation = new TestInstallation(directory)) {
            CliRun run = installation.doctor("--insecure-tls");

            assertThat(lines(run, "WARN")).as(run.out()).isEmpty();
            assertThat(lines(run, "FAIL")).as(run.out()).isEmpty();
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("PASS dns", "PASS tls", "PASS autoconfig", "PASS autodiscover", "PASS profile", "PASS setup",
                    "PASS consistency");
        }
    }

    private static List<String> lines(CliRun run, String status) {
        return run.out().lines().filter(line -> line.startsWith(status + " ")).toList();
    }
}
