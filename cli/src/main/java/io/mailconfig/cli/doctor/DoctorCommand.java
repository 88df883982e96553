package io.mailconfig.cli.doctor;

import io.mailconfig.cli.InstallationOption;
import io.mailconfig.cli.TableAccess;
import io.mailconfig.cli.TargetOptions;
import io.mailconfig.cli.doctor.Certificates.Trust;
import io.mailconfig.dnsupdater.DnsMxHosts;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.InvalidInstallationException;
import io.mailconfig.model.DomainNames;
import io.mailconfig.model.EmailAddress;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code ./dev cli doctor DOMAIN}: one mail domain checked end to end, from outside, as its clients will see it. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check one mail domain end to end, from outside, the way Thunderbird, Outlook and Apple devices see it: "
                + "its DNS records, the hosts' TLS, every answer read by its strictest client, the same servers in every "
                + "protocol, and, when the table can be read, the answers against the table.",
                "Prints one line per check (PASS, WARN or FAIL, what was asked, what came back) and for each WARN and FAIL what "
                        + "to change. Exits 0 when nothing failed, 1 when something did, 2 on a usage error."})
public final class DoctorCommand implements Callable<Integer> {

    /** Exit code when a check failed. */
    public static final int FAILED_CHECK = 1;
    /** Exit code for a usage error (picocli's own for a bad option). */
    public static final int USAGE = 2;

    @Parameters(paramLabel = "DOMAIN", description = "The mail domain, e.g. example.com.")
    String domain;

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "The address to ask about (default: postmaster@DOMAIN); a mailbox with a USER# item checks its login name.")
    String address;

    @Option(names = "--json", description = "One JSON document instead of lines, for machines.")
    boolean json;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Send every request to this address instead of the hosts' own (https://... or http://... of a local server), "
                    + "with the TLS name and Host header the client would send, like curl --connect-to.")
    String baseUrl;

    @Option(names = "--resolver", paramLabel = "HOST:PORT",
            description = "Ask this name server instead of the system's, e.g. a test installation's (127.0.0.1:5353).")
    String resolver;

    @Option(names = "--insecure-tls",
            description = "Only for test certificates: take the last certificate of a chain as its root (the hosts' and the profile "
                    + "signer's). Names, dates and every other signature are still checked.")
    boolean insecureTls;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "The most one check may take, in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--no-table", description = "Do not compare the answers with the table.")
    boolean noTable;

    @Mixin
    InstallationOption installation;

    @Mixin
    TargetOptions table;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String mailDomain = DomainNames.normalize(domain.strip())
                .orElseThrow(() -> usage("DOMAIN " + domain + " is not a domain name"));
        EmailAddress asked = address(mailDomain);
        Optional<URI> base = baseUrl();
        Duration timeout = timeout();
        List<Finding> findings = new ArrayList<>();
        Target target = target(mailDomain, asked, findings);
        DnsClient dns = resolver == null ? DnsClient.system(timeout) : DnsClient.at(resolverAddress(), timeout);
        Trust trust = insecureTls ? Trust.ANY_ROOT : Trust.JDK_ROOTS;
        try (Deadline deadline = new Deadline(timeout); WebClient web = new WebClient(base, dns, insecureTls, timeout)) {
            DnsChecks.Result names = new DnsChecks(dns, target, deadline).run();
            findings.addAll(names.findings());
            Set<String> refused = new HashSet<>();
            if (web.plainHttp()) {
                findings.add(Finding.warn(TlsCheck.CHECK, String.join(", ", target.hosts().hosts()), "not checked: --base-url is plain HTTP",
                        "give an https:// --base-url, or none, to check the hosts' certificates"));
            } else {
                TlsCheck tls = new TlsCheck(web, trust, timeout);
                for (String host : target.hosts().hosts()) {
                    List<Finding> hostFindings = deadline.run(TlsCheck.CHECK, host, () -> tls.check(host));
                    findings.addAll(hostFindings);
                    if (hostFindings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL)) {
                        refused.add(host);
                    }
                }
            }
            AnswerChecks.Result answers = new AnswerChecks(web, dns, target, deadline, trust, refused).run();
            findings.addAll(answers.findings());
            findings.addAll(Consistency.answers(answers.settings(), target.shared()));
            findings.addAll(Consistency.srv(names.srv(), answers.settings(), mailDomain));
            if (!noTable) {
                findings.addAll(deadline.run(Consistency.CHECK, "the table", () -> tableFindings(asked, answers, target, dns)));
            }
        }
        Report report = new Report(mailDomain, asked.toString(), findings);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() : report.text());
        out.flush();
        return report.failed() ? FAILED_CHECK : 0;
    }

    /** The domain as the installation describes it, with a finding that says how it is served. */
    private Target target(String mailDomain, EmailAddress asked, List<Finding> findings) {
        String check = "installation";
        if (installation.source().isEmpty()) {
            findings.add(Finding.warn(check, mailDomain, "no installation to read (" + installation.describe()
                    + "): checked as a domain with its own hosts", "run from the repository's root, or give --installation FILE"));
            return Target.withOwnHosts(mailDomain, asked);
        }
        Installation described;
        try {
            described = installation.load();
            table.defaultTo(described);
        } catch (InvalidInstallationException e) {
            findings.add(Finding.fail(check, installation.describe(), String.join("; ", e.problems()), "mend the configuration"));
            return Target.withOwnHosts(mailDomain, asked);
        }
        Optional<Target> listed = Target.of(mailDomain, asked, described);
        if (listed.isEmpty()) {
            findings.add(Finding.fail(check, mailDomain, "not among the domains of " + installation.describe()
                            + ": no host or record leads its clients to mailconfig; checked as a domain with its own hosts",
                    "add it to \"domains\" in infra/mailconfig.json and ./dev deploy --all (docs/deploy.md, \"Adding a domain\")"));
            return Target.withOwnHosts(mailDomain, asked);
        }
        Target target = listed.get();
        findings.add(Finding.pass(check, mailDomain + " in " + installation.describe(), target.shared()
                ? "a customer domain of the shared hosts " + String.join(" and ", target.hosts().hosts()) + ", found through its MX and SRV records"
                : "its own hosts " + String.join(" and ", target.hosts().hosts())));
        return target;
    }

    private List<Finding> tableFindings(EmailAddress asked, AnswerChecks.Result answers, Target target, DnsClient dns) throws Exception {
        String check = Consistency.CHECK;
        String fix = "give the table with --table and --region (or --local DIR), or --no-table";
        try (TableAccess access = table.open()) {
            StoredConfiguration stored = StoredConfiguration.read(access, asked);
            List<Finding> findings = new ArrayList<>();
            if (!target.tableRecords().isEmpty()) {
                findings.addAll(new TableRecordChecks(dns, target).run(stored.config()));
            }
            if (stored.provider().isEmpty()) {
                findings.add(Finding.fail(check, "DOMAIN#" + asked.domain() + " in the " + table.describe(), "no provider holds it: its clients get 404",
                        "add it to its provider: ./dev cli add-domain " + asked.domain() + " --provider <id>"));
                return findings;
            }
            if (!stored.problems().isEmpty()) {
                findings.add(Finding.warn(check, stored.provider().get() + " in the " + table.describe(), "the function leaves out "
                        + stored.problems().size() + " malformed item(s): " + stored.problems(), "./dev cli validate names each; mend them"));
            }
            findings.add(Consistency.table(stored.servers(), answers.settings(), table.describe()));
            return findings;
        } catch (TargetOptions.NoAccessException e) {
            return List.of(Finding.warn(check, "the " + table.describe(), "not compared: " + e.getMessage(), fix));
        } catch (SdkException e) {
            return List.of(Finding.warn(check, "the " + table.describe(), "not compared: " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(""), fix));
        }
    }

    private EmailAddress address(String mailDomain) {
        if (address == null) {
            return new EmailAddress("postmaster", mailDomain);
        }
        try {
            EmailAddress parsed = EmailAddress.parse(address);
            if (!parsed.domain().equals(mailDomain)) {
                throw usage("--address " + address + " is not an address of " + mailDomain);
            }
            return parsed;
        } catch (EmailAddress.InvalidAddressException e) {
            throw usage("--address " + address + ": " + e.getMessage());
        }
    }

    private Optional<URI> baseUrl() {
        if (baseUrl == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(baseUrl.strip());
            boolean scheme = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (!scheme || uri.getHost() == null || !bare || uri.getRawQuery() != null) {
                throw usage("--base-url " + baseUrl + " must be http(s)://host[:port] without a path");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw usage("--base-url " + baseUrl + " is not a URL: " + e.getMessage());
        }
    }

    private InetSocketAddress resolverAddress() {
        try {
            return DnsMxHosts.resolverAddress(resolver);
        } catch (IllegalArgumentException e) {
            throw usage("--resolver " + resolver + " " + e.getMessage());
        }
    }

    private Duration timeout() {
        if (!(timeoutSeconds > 0) || timeoutSeconds > 120) {
            throw usage("--timeout " + timeoutSeconds + " must be more than 0 and at most 120 seconds");
        }
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
