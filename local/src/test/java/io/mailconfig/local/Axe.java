package io.mailconfig.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility rules engine, run in the browser under test. The version is pinned in
 * {@code src/test/axe/package.json} and its lock file; {@link #install} puts it in {@code target/axe}
 * with {@code npm ci} once, and later runs reuse it.
 */
final class Axe {

    private static final Path PACKAGE = Path.of("src", "test", "axe");
    private static final long NPM_TIMEOUT_SECONDS = 180;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    static Axe install(Path directory) throws IOException, InterruptedException {
        Path script = directory.resolve("node_modules/axe-core/axe.min.js");
        Path lock = directory.resolve("package-lock.json");
        if (!Files.exists(script) || !Files.exists(lock) || Files.mismatch(lock, PACKAGE.resolve("package-lock.json")) != -1) {
            Files.createDirectories(directory);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(PACKAGE.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci of axe-core failed; see " + directory.resolve("npm.log")
                        + " (the browser test needs npm and the npm registry once)");
            }
        }
        return new Axe(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** Every rule the open page breaks, one line each: rule, impact, and the first elements that break it. */
    List<String> violations(JavascriptExecutor browser) throws IOException {
        browser.executeScript(source);
        Object json = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(results => done(JSON.stringify(results.violations)), error => done(JSON.stringify([{id: 'axe-error',"
                + " impact: String(error), nodes: []}])));");
        List<String> violations = new ArrayList<>();
        for (JsonNode violation : new ObjectMapper().readTree(json.toString())) {
            List<String> targets = new ArrayList<>();
            for (JsonNode node : violation.path("nodes")) {
                if (targets.size() < 3) {
                    targets.add(node.path("target").toString() + " " + node.path("failureSummary").asText().replace('\n', ' '));
                }
            }
            violations.add(violation.path("id").asText() + " (" + violation.path("impact").asText() + "): " + targets);
        }
        return violations;
    }
}
