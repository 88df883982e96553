package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.Settings;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.ServiceSettings;
import io.mailconfig.store.dynamodb.Table;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration as the CDK app reads it: the shipped example, the defaults, and a synth that refuses. */
class InstallationFileTest {

    @Test
    void theShippedExampleIsWhatCdkJsonNames() throws Exception {
        Object context = ((Map<?, ?>) new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class).get("context"))
                .get(Installation.CONTEXT_KEY);

        assertThat(Installation.fromContext(context, Path.of("")).domains()).isNotEmpty();
    }

    @Test
    void theDocumentedExampleOfEveryModeIsValid() throws Exception {
        Installation external = Installation.fromContext("mailconfig-external-dns.json", Path.of("../docs/examples"));
        Installation hosting = Installation.fromContext("mailconfig-hosting-provider.json", Path.of("../docs/examples"));

        assertThat(external.domains()).extracting(domain -> domain.dns().isRoute53()).containsExactly(false, true);
        assertThat(hosting.hostPairs()).extracting(pair -> pair.domain()).containsExactly("provider.example");
        assertThat(hosting.edge()).isPresent();
    }

    @Test
    void theConfigurationsDefaultsAreTheFunctions() {
        assertThat(ServiceSettings.DEFAULT_TABLE_NAME).isEqualTo(Table.DEFAULT_NAME);
        assertThat(ServiceSettings.DEFAULT_CACHE_TTL_SECONDS).isEqualTo(Settings.DEFAULT_CACHE_TTL.toSeconds());
        assertThat(ServiceSettings.LOG_RETENTION_DAYS).allSatisfy(days -> assertThat(LogRetention.of(days)).isPresent());
    }

    @Test
    void theSynthRefusesAConfigurationOverAQuotaAndSaysWhy(@TempDir Path out) throws Exception {
        StringBuilder domains = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            domains.append(i == 0 ? "" : ",").append("{\"name\": \"customer").append(i).append(".example\", \"dns\": \"external\"}");
        }
        ProcessBuilder synth = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MailconfigApp.class.getName())
                .redirectErrorStream(true);
        synth.environment().put("CDK_OUTDIR", out.toString());
        synth.environment().put("CDK_CONTEXT_JSON", "{\"mailconfig\": {\"account\": \"123456789012\", \"region\": \"eu-central-1\","
                + " \"domains\": [" + domains + "]}}");
        Process process = synth.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("mailconfig configuration is not usable:",
                "61 pairs of hosts need 122 API Gateway custom domain names, over the default quota of 120",
                "\"Custom domain names per account per Region\"", "hosting-provider mode", "\"quotas\": {\"customDomainNames\": 122}");
        assertThat(List.of(out.toFile().list())).noneMatch(name -> name.endsWith(".template.json"));
        assertThat(new File(out.toFile(), "manifest.json")).doesNotExist();
        assertThat(Files.exists(out)).isTrue();
    }
}
