package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.infra.InfraConfig.InvalidConfigException;
import io.mailconfig.infra.InfraConfig.MailDomain;
import io.mailconfig.infra.InfraConfig.SrvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraConfigTest {

    private static final String DOMAIN = "{\"name\": \"example.com\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.com\"}";

    @Test
    void aMinimalConfigurationGetsTheDefaults() {
        InfraConfig config = parse("{\"account\": \"123456789012\", \"region\": \"eu-central-1\", \"domains\": [" + DOMAIN + "]}");

        assertThat(config.tableName()).isEqualTo("mailconfig");
        assertThat(config.memoryMb()).isEqualTo(1024);
        assertThat(config.logRetentionDays()).isEqualTo(30);
        assertThat(config.cacheTtlSeconds()).isEqualTo(60);
        assertThat(config.signingSecretArn()).isEmpty();
        assertThat(config.throttleRateLimit()).isEqualTo(100);
        assertThat(config.throttleBurstLimit()).isEqualTo(200);
        assertThat(config.domains()).containsExactly(new MailDomain("example.com", "Z0123456789ABCDEFGHIJ", "example.com", true,
                List.of(new SrvRecord("autodiscover", "autodiscover.example.com", 443))));
    }

    @Test
    void srvTargetsTakeTheStandardPortOrTheOneGivenAndComeInAFixedOrder() {
        InfraConfig config = parse("{\"account\": \"123456789012\", \"region\": \"us-east-1\", \"domains\": [{"
                + "\"name\": \"Mail.Example.COM.\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.com.\","
                + "\"srv\": {\"pop3s\": \"pop.example.com\", \"submissions\": \"smtp.example.com:1465\", \"imaps\": \"IMAP.example.com\"}}]}");

        MailDomain domain = config.domains().getFirst();
        assertThat(domain.name()).isEqualTo("mail.example.com");
        assertThat(domain.hostedZoneName()).isEqualTo("example.com");
        assertThat(domain.srv()).containsExactly(
                new SrvRecord("imaps", "imap.example.com", 993),
                new SrvRecord("submissions", "smtp.example.com", 1465),
                new SrvRecord("pop3s", "pop.example.com", 995),
                new SrvRecord("autodiscover", "autodiscover.mail.example.com", 443));
        assertThat(domain.srv().getFirst().recordName(domain.name())).isEqualTo("_imaps._tcp.mail.example.com");
    }

    @Test
    void aDomainWithoutHostsPointsAutodiscoverElsewhere() {
        InfraConfig config = parse("{\"account\": \"123456789012\", \"region\": \"us-east-1\", \"domains\": [" + DOMAIN + ", {"
                + "\"name\": \"example.org\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIK\", \"hostedZoneName\": \"example.org\", \"hosts\": false,"
                + "\"srv\": {\"autodiscover\": \"autodiscover.example.com\"}}]}");

        assertThat(config.domains().get(1).hosts()).isFalse();
        assertThat(config.domains().get(1).srv()).containsExactly(new SrvRecord("autodiscover", "autodiscover.example.com", 443));
    }

    @Test
    void optionalSettingsAreRead() {
        InfraConfig config = parse("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"tableName\": \"mail-settings\","
                + "\"memoryMb\": 2048, \"logRetentionDays\": 90, \"cacheTtlSeconds\": 300, \"throttleRateLimit\": 50, \"throttleBurstLimit\": 80,"
                + "\"signingSecretArn\": \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:mailconfig-signing-AbCdEf\","
                + "\"domains\": [" + DOMAIN + "]}");

        assertThat(config).extracting(InfraConfig::tableName, InfraConfig::memoryMb, InfraConfig::logRetentionDays,
                InfraConfig::cacheTtlSeconds, InfraConfig::throttleRateLimit, InfraConfig::throttleBurstLimit)
                .containsExactly("mail-settings", 2048, 90, 300, 50, 80);
        assertThat(config.signingSecretArn()).contains("arn:aws:secretsmanager:eu-west-1:123456789012:secret:mailconfig-signing-AbCdEf");
    }

    @Test
    void everyMistakeIsReportedAtOnceNamingTheSetting() {
        assertThat(problems("{\"account\": \"12345\", \"memoryMb\": 64, \"logRetentionDays\": 10, \"colour\": \"blue\","
                + "\"signingSecretArn\": \"my-secret\", \"cacheTtlSeconds\": \"sixty\"}")).containsExactlyInAnyOrder(
                "mailconfig.colour: unknown setting; known are [account, cacheTtlSeconds, domains, logRetentionDays, memoryMb,"
                        + " region, signingSecretArn, tableName, throttleBurstLimit, throttleRateLimit]",
                "mailconfig.account: \"12345\" is not a 12-digit AWS account id, e.g. 123456789012",
                "mailconfig.region: missing; expected an AWS region, e.g. eu-central-1",
                "mailconfig.memoryMb: 64 must be a whole number from 128 to 10240",
                "mailconfig.logRetentionDays: 10 is not a period CloudWatch Logs offers; use one of [1, 3, 5, 7, 14, 30, 60, 90, 120,"
                        + " 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
                "mailconfig.cacheTtlSeconds: \"sixty\" must be a whole number from 0 to 86400",
                "mailconfig.signingSecretArn: \"my-secret\" is not a Secrets Manager secret ARN,"
                        + " e.g. arn:aws:secretsmanager:eu-central-1:123456789012:secret:mailconfig-signing-AbCdEf",
                "mailconfig.domains: missing; list the mail domains, e.g. [{\"name\": \"example.com\", \"hostedZoneId\":"
                        + " \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.com\"}]");
    }

    @Test
    void domainMistakesSayWhichDomain() {
        assertThat(problems("{\"account\": \"123456789012\", \"region\": \"eu-central-1\", \"domains\": ["
                + "{\"name\": \"example.com\", \"hostedZoneId\": \"zone-1\", \"hostedZoneName\": \"example.com\"},"
                + "{\"name\": \"mail.example.net\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.org\"},"
                + "{\"name\": \"example.org\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.org\","
                + " \"srv\": {\"imap\": \"imap.example.org\", \"submissions\": \"smtp example org\"}},"
                + "{\"name\": \"example.org\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.org\"},"
                + "{\"name\": \"example.info\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.info\", \"hosts\": false},"
                + "{\"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.biz\", \"hosts\": \"yes\"},"
                + "\"example.eu\"]}")).containsExactlyInAnyOrder(
                "mailconfig.domains[0].hostedZoneId: \"zone-1\" is not a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ",
                "mailconfig.domains[1]: mail.example.net is not inside the hosted zone example.org; give the zone that holds its records",
                "mailconfig.domains[2].srv.imap: unknown SRV service; use imaps, submissions, pop3s or autodiscover",
                "mailconfig.domains[2].srv.submissions: must be a host name, optionally with :port, e.g. \"imap.example.com\" or \"imap.example.com:465\"",
                "mailconfig.domains[3]: example.org is listed twice",
                "mailconfig.domains[4].srv.autodiscover: a domain without hosts needs the host Outlook should ask instead,"
                        + " e.g. \"autodiscover\": \"autodiscover.example.com\" (a domain served here)",
                "mailconfig.domains[5].name: missing; expected a domain name in lower case (punycode for international names), e.g. example.com",
                "mailconfig.domains[5].hosts: must be true or false",
                "mailconfig.domains[6]: must be an object with name, hostedZoneId and hostedZoneName");
    }

    @Test
    void anEmptyDomainListIsRefused() {
        assertThat(problems("{\"account\": \"123456789012\", \"region\": \"eu-central-1\", \"domains\": []}"))
                .containsExactly("mailconfig.domains: must be a non-empty list of mail domains");
    }

    @Test
    void theContextValueMayNameAFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mail.json"), "{\"account\": \"123456789012\", \"region\": \"eu-central-1\", \"domains\": [" + DOMAIN + "]}");

        assertThat(InfraConfig.fromContext("mail.json", dir).domains()).extracting(MailDomain::name).containsExactly("example.com");
    }

    @Test
    void theContextValueMayBeTheSettingsThemselves() {
        Map<String, Object> value = Map.of("account", "123456789012", "region", "eu-central-1", "domains",
                List.of(Map.of("name", "example.com", "hostedZoneId", "Z0123456789ABCDEFGHIJ", "hostedZoneName", "example.com")));

        assertThat(InfraConfig.fromContext(value, Path.of("")).account()).isEqualTo("123456789012");
    }

    @Test
    void aMissingOrBrokenConfigurationSaysWhatToDo(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> InfraConfig.fromContext(null, dir)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("no \"mailconfig\" in the cdk.json context: set it to the name of a JSON file");
        assertThatThrownBy(() -> InfraConfig.fromContext("absent.json", dir)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("absent.json cannot be read as JSON");
        Files.writeString(dir.resolve("broken.json"), "{\"account\": ");
        assertThatThrownBy(() -> InfraConfig.fromContext("broken.json", dir)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("broken.json cannot be read as JSON");
        Files.writeString(dir.resolve("list.json"), "[]");
        assertThatThrownBy(() -> InfraConfig.fromContext("list.json", dir)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("the configuration must be a JSON object");
    }

    @Test
    void theShippedExampleIsValid() {
        InfraConfig config = InfraConfig.fromContext("mailconfig.json", Path.of(""));

        assertThat(config.domains()).isNotEmpty();
    }

    private static InfraConfig parse(String json) {
        try {
            return InfraConfig.parse(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> problems(String json) {
        try {
            parse(json);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("the configuration was accepted: " + json);
    }
}
