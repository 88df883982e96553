package io.mailconfig.protocol.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.Mailconfig;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.model.MtaStsPolicy;
import io.mailconfig.model.MtaStsPolicy.Mode;
import io.mailconfig.sample.SampleProvider;
import io.mailconfig.testing.Events;
import io.mailconfig.testing.ExampleHandler;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MtaStsTest {

    @RegisterExtension
    static final ExampleHandler example = new ExampleHandler(() -> new TestTable().withExampleProvider().putAll(List.of(
            Items.provider("enforced", "Enforced", "Enforced").with("mtaStsMode", "enforce")
                    .withList("mtaStsMx", "mail.example.com", "*.example.net", "backupmx.example.com")
                    .withNumber("mtaStsMaxAge", 604800).build(),
            Items.domain("enforced", "enforced.example").build(),
            Items.server("enforced", "imap", "imap", "imap.enforced.example", 993, "SSL", 10).build(),
            // An enforced policy that would expire within the hour is refused, not served.
            Items.provider("hasty", "Hasty", "Hasty").with("mtaStsMode", "enforce").withList("mtaStsMx", "mx.hasty.example")
                    .withNumber("mtaStsMaxAge", 3600).build(),
            Items.domain("hasty", "hasty.example").build(),
            Items.provider("plain", "Plain", "Plain").build(),
            Items.domain("plain", "plain.example").build(),
            Items.server("hasty", "imap", "imap", "imap.hasty.example", 993, "SSL", 10).build())));

    private static Response get(String host) {
        return Mailconfig.router(example.table().store(), Optional.empty())
                .route(new Request("GET", MtaSts.PATH, Map.of(), Map.of("host", host), null));
    }

    @Test
    void servesTheRfcExamplePolicyByteForByte() {
        Response response = get("mta-sts.enforced.example");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        // RFC 8461 section 3.2, the example policy, with CRLF line ends.
        assertThat(response.bodyAsString()).isEqualTo("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\n"
                + "mx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n");
    }

    @Test
    void theSampleRequestGetsTheSampleProvidersTestingPolicy() {
        APIGatewayV2HTTPResponse response = new MailconfigHandler(SampleProvider.store(), Optional.empty(), Request.HTTPS)
                .handleRequest(Events.load("mta-sts"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(new String(Events.body(response), StandardCharsets.UTF_8)).startsWith("version: STSv1\r\nmode: testing\r\n");
    }

    @Test
    void aPolicyThatCouldLockOutMailIsNeverServed() {
        assertThat(get("mta-sts.hasty.example").status()).as("enforce with a max_age of an hour").isEqualTo(404);
        assertThat(get("mta-sts.plain.example").status()).as("a provider without a policy").isEqualTo(404);
        assertThat(get("mta-sts.unknown.example").status()).isEqualTo(404);
        assertThat(get("autoconfig.enforced.example").status()).as("not the MTA-STS host").isEqualTo(400);
        assertThatThrownBy(() -> new MtaStsPolicy(Mode.TESTING, List.of(), 86400)).hasMessageContaining("at least one mx");
        assertThatThrownBy(() -> new MtaStsPolicy(Mode.ENFORCE, List.of("mx.example.com"), 86399)).hasMessageContaining("a day");
        assertThatThrownBy(() -> new MtaStsPolicy(Mode.TESTING, List.of("mx.*.example.com"), 86400)).hasMessageContaining("mx pattern");
        assertThat(new MtaStsPolicy(Mode.NONE, List.of(), 0).mx()).isEmpty();
    }

    @Test
    void wildcardsStandForExactlyOneLeftmostLabel() {
        // RFC 8461 section 4.1.
        MtaStsPolicy policy = new MtaStsPolicy(Mode.ENFORCE, List.of("*.example.com", "mail.example.net"), 86400);

        assertThat(policy.matches("mx1.example.com")).isTrue();
        assertThat(policy.matches("MX1.Example.COM.")).isTrue();
        assertThat(policy.matches("example.com")).isFalse();
        assertThat(policy.matches("a.mx1.example.com")).isFalse();
        assertThat(policy.matches("mail.example.net")).isTrue();
        assertThat(policy.unmatched(List.of("mail.example.net", "mx.example.org"))).containsExactly("mx.example.org");
    }

    @Test
    void theIdChangesExactlyWhenThePolicyDoes() {
        MtaStsPolicy testing = new MtaStsPolicy(Mode.TESTING, List.of("mx.example.com"), 604800);
        MtaStsPolicy same = new MtaStsPolicy(Mode.TESTING, List.of("MX.example.com"), 604800);
        MtaStsPolicy enforce = new MtaStsPolicy(Mode.ENFORCE, List.of("mx.example.com"), 604800);
        MtaStsPolicy longer = new MtaStsPolicy(Mode.TESTING, List.of("mx.example.com"), 1209600);

        assertThat(MtaStsRecords.id(same)).isEqualTo(MtaStsRecords.id(testing));
        assertThat(List.of(MtaStsRecords.id(enforce), MtaStsRecords.id(longer))).doesNotContain(MtaStsRecords.id(testing));
        // RFC 8461 section 3.1: 1 to 32 letters and digits.
        assertThat(MtaStsRecords.policyTxt(testing)).matches("v=STSv1; id=[A-Za-z0-9]{1,32}");
    }

    @Test
    void theTlsRptRecordNamesEveryReportAddress() {
        // RFC 8460 section 3: rua URIs separated by commas.
        assertThat(MtaStsRecords.reportTxt(List.of(URI.create("mailto:tls@example.com"), URI.create("https://reports.example.com/tlsrpt"))))
                .isEqualTo("v=TLSRPTv1; rua=mailto:tls@example.com,https://reports.example.com/tlsrpt");
    }
}
