package io.mailconfig.cli.doctor;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.Mailconfig;
import io.mailconfig.Settings;
import io.mailconfig.cli.CliRun;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.local.LocalServer;
import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.sample.SampleProvider;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.testing.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A whole installation of mailconfig on loopback, as the doctor meets a deployed one: the sample
 * provider in a DynamoDB Local directory (which {@code --local} reads too), the function on the
 * local server with a profile signer, a TLS listener with a test certificate for both hosts in
 * front of it, and a name server holding every record of {@code example.com}. Each part can be
 * broken the way installations break, and {@link #reset} mends them all.
 */
final class TestInstallation implements AutoCloseable {

    static final String DOMAIN = SampleProvider.DOMAIN;
    static final String INSTALLATION = """
            {"account": "123456789012", "region": "eu-central-1",
             "domains": [{"name": "example.com", "hostedZoneId": "Z0123456789EXAMPLECOM", "hostedZoneName": "example.com",
               "srv": {"imaps": "imap.example.com", "imap": "imap2.example.com", "pop3s": "pop.example.com",
                       "submissions": "smtp.example.com", "submission": "smtp.example.com"}}]}
            """;

    final TestCertificates pki = TestCertificates.rsa();
    final LoopbackDns dns = new LoopbackDns();
    private final Path directory;
    private final EmbeddedDynamoDb database;
    private final ConfigStore store;
    private final LocalServer server;
    private volatile MailconfigHandler handler;
    private final Path installation;
    private volatile BiFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse, APIGatewayV2HTTPResponse> tamper = (e, r) -> r;
    private LoopbackTls tls;

    /** @param directory the DynamoDB Local directory: a fresh one per installation (it stays open for the test run) */
    TestInstallation(Path directory) throws IOException {
        this.directory = directory;
        Settings settings = Settings.from(Map.of());
        database = EmbeddedDynamoDb.inDirectory(directory.resolve("table").toFile());
        database.createTable(settings.tableName());
        database.put(settings.tableName(), SampleProvider.items());
        store = Mailconfig.store(database.client(), settings);
        server = LocalServer.start(0, (event, context) -> tamper.apply(event, handler.handleRequest(event, context)));
        installation = directory.resolve("mailconfig.json");
        reset();
    }

    /** Everything as it should be: the zone, the certificate for both hosts, the signer, the answers, the installation. */
    TestInstallation reset() throws IOException {
        tamper = (event, response) -> response;
        signWith(pki.signer());
        certificate(List.of("autoconfig.example.com", "autodiscover.example.com"), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(90)));
        installation(INSTALLATION);
        dns.clear();
        goodZone();
        return this;
    }

    /** Profiles are signed from now on by this certificate of the test PKI. */
    TestInstallation signWith(TestCertificates.Issued signer) {
        handler = new MailconfigHandler(store, Optional.of(ProfileSigner.fromPem(signer.certificatePem(),
                signer.privateKeyPem(), pki.intermediate().certificatePem())), Request.HTTPS);
        return this;
    }

    /** The installation's configuration from now on. */
    TestInstallation installation(String json) throws IOException {
        Files.writeString(installation, json);
        return this;
    }

    /** Every record the installation publishes for example.com, the hosts as Route 53's aliases answer, the servers and the MX. */
    private void goodZone() {
        for (String host : List.of("autoconfig.example.com", "autodiscover.example.com")) {
            dns.add(host, "A", "127.0.0.1").add(host, "AAAA", "::1");
        }
        for (String host : List.of("imap.example.com", "imap2.example.com", "pop.example.com", "smtp.example.com", "mx.example.com")) {
            dns.add(host, "A", "192.0.2.10").add(host, "AAAA", "2001:db8::10");
        }
        dns.add("_imaps._tcp.example.com", "SRV", "0 1 993 imap.example.com.")
                .add("_imap._tcp.example.com", "SRV", "10 1 143 imap2.example.com.")
                .add("_pop3s._tcp.example.com", "SRV", "20 1 995 pop.example.com.")
                .add("_pop3._tcp.example.com", "SRV", "0 0 0 .")
                .add("_submissions._tcp.example.com", "SRV", "0 1 465 smtp.example.com.")
                .add("_submission._tcp.example.com", "SRV", "10 1 587 smtp.example.com.")
                .add("_autodiscover._tcp.example.com", "SRV", "0 1 443 autodiscover.example.com.")
                .add("example.com", "MX", "10 mx.example.com.");
    }

    /** Serves the hosts from now on with another certificate of the test PKI. */
    TestInstallation certificate(List<String> names, Instant notBefore, Instant notAfter) throws IOException {
        if (tls != null) {
            tls.close();
        }
        tls = new LoopbackTls(pki.leaf("CN=" + names.getFirst(), names, notBefore, notAfter), pki, server.port());
        return this;
    }

    /** Changes what the function answers: the response to every request passes through {@code change}. */
    TestInstallation tamper(BiFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse, APIGatewayV2HTTPResponse> change) {
        tamper = change;
        return this;
    }

    /** Rewrites the text of the answers on one path (in any letter case). */
    TestInstallation rewrite(String path, java.util.function.UnaryOperator<String> change) {
        return tamper((event, response) -> {
            if (!event.getRawPath().equalsIgnoreCase(path)) {
                return response;
            }
            String body = response.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8) : response.getBody();
            response.setBody(change.apply(body));
            response.setIsBase64Encoded(false);
            return response;
        });
    }

    Path installationFile() {
        return installation;
    }

    String httpsUrl() {
        return tls.baseUrl();
    }

    String httpUrl() {
        return server.baseUrl();
    }

    /** The doctor on example.com through the TLS listener, the name server and the table, plus {@code more}. */
    CliRun doctor(String... more) {
        return doctorOf(DOMAIN, httpsUrl(), more);
    }

    /** The doctor on {@code domain}, sending the requests to {@code baseUrl}. */
    CliRun doctorOf(String domain, String baseUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("doctor", domain, "--installation", installation.toString(),
                "--resolver", dns.address(), "--base-url", baseUrl, "--timeout", "3",
                "--local", directory.resolve("table").toString(), "--table", Settings.from(Map.of()).tableName()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Override
    public void close() throws Exception {
        tls.close();
        server.close();
        dns.close();
    }
}
