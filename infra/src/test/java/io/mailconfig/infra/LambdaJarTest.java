package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.sample.SampleEvents;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar the stacks deploy, run on its own: the shaded Log4j configuration writes JSON, the
 * metrics come out as Embedded Metric Format, priming answers, and nothing is missing from the jar.
 * The table is unreachable on purpose (a closed loopback port), so the request ends in 503.
 */
class LambdaJarTest {

    private static String output;
    private static int exitCode;

    @BeforeAll
    static void runTheJar() throws Exception {
        Path jar = MailconfigApp.lambdaJar(Path.of("../function/target"), "mailconfig-function-").orElseThrow();
        Path smokeClasses = Path.of(LambdaJarSmoke.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + File.pathSeparator + smokeClasses, LambdaJarSmoke.class.getName())
                .redirectErrorStream(true);
        Map<String, String> env = process.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("POWERTOOLS_"));
        env.putAll(Map.of(
                "AWS_LAMBDA_FUNCTION_NAME", "smoke",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "smoke",
                "AWS_SECRET_ACCESS_KEY", "smoke",
                "TABLE_NAME", "mailconfig",
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:9",
                "POWERTOOLS_SERVICE_NAME", "mailconfig"));
        Process running = process.start();
        byte[] bytes = running.getInputStream().readAllBytes();
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        output = new String(bytes, StandardCharsets.UTF_8);
        exitCode = running.exitValue();
    }

    @Test
    void theHandlerStartsPrimesAndAnswersFromTheJarAlone() {
        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("STATUS=503").doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }

    @Test
    void logsAreJsonLinesWithTheRequestId() {
        List<String> json = output.lines().filter(line -> line.startsWith("{\"level\"")).toList();
        assertThat(json).anySatisfy(line -> assertThat(line).contains("\"message\":\"primed " + SampleEvents.names().size() + " events"));
        assertThat(json).anySatisfy(line -> assertThat(line)
                .contains("\"level\":\"WARN\"", "autoconfig answered GET with 503", "\"function_request_id\":\"smoke-request-1\"")
                .doesNotContain("alice"));
        assertThat(output).doesNotContain("StatusLogger", "No Log4j 2 configuration file found");
    }

    @Test
    void eachAnswerIsAMetricInEmbeddedMetricFormat() {
        assertThat(output.lines().filter(line -> line.contains("\"_aws\"") && line.contains("\"Requests\"")))
                .anySatisfy(line -> assertThat(line).contains("\"Namespace\":\"mailconfig\"", "\"protocol\":\"autoconfig\"", "\"outcome\":\"unavailable\""));
    }

}
