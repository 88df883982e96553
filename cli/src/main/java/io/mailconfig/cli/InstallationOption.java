package io.mailconfig.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.InvalidInstallationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which installation a command looks at: the configuration the CDK app deploys, read the way the
 * app reads it, from the {@code mailconfig} context of {@code infra/cdk.json} unless told otherwise.
 */
public final class InstallationOption {

    /** Where {@code ./dev cli} finds it, run from the repository's root. */
    static final Path DEFAULT = Path.of("infra", "cdk.json");

    @Option(names = "--installation", paramLabel = "FILE",
            description = "The installation's configuration: a JSON file like infra/mailconfig.json, or a cdk.json whose "
                    + "\"mailconfig\" context holds or names it (default: infra/cdk.json).")
    Path file;

    /** The file named, or the default when it exists; empty when there is none to read. */
    public Optional<Path> source() {
        if (file != null) {
            return Optional.of(file);
        }
        return Files.isRegularFile(DEFAULT) ? Optional.of(DEFAULT) : Optional.empty();
    }

    /** @throws InvalidInstallationException naming every problem, or why the file cannot be read */
    public Installation load() {
        Path path = source().orElseThrow(() -> new InvalidInstallationException(List.of(
                "no installation: " + DEFAULT + " is not here; run from the repository's root or give --installation FILE")));
        Path directory = Optional.ofNullable(path.toAbsolutePath().getParent()).orElse(Path.of(""));
        if (!path.getFileName().toString().equals("cdk.json")) {
            return Installation.fromContext(path.getFileName().toString(), directory);
        }
        try {
            Map<?, ?> cdk = new ObjectMapper().readValue(path.toFile(), Map.class);
            Object context = cdk.get("context") instanceof Map<?, ?> values ? values.get(Installation.CONTEXT_KEY) : null;
            return Installation.fromContext(context, directory);
        } catch (IOException e) {
            throw new InvalidInstallationException(List.of(path + " cannot be read as JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
    }

    public String describe() {
        return source().map(Path::toString).orElse("no installation");
    }
}
