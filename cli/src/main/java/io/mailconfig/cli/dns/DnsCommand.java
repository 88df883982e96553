package io.mailconfig.cli.dns;

import io.mailconfig.aws.AwsAccess;
import io.mailconfig.cli.InstallationOption;
import io.mailconfig.cli.MailconfigCli;
import io.mailconfig.cli.TableAccess;
import io.mailconfig.cli.TargetOptions;
import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.dnsupdater.DnsMxHosts;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.installation.Installation;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkClientException;

/** {@code ./dev cli dns}: every DNS record the installation needs, for every domain. */
@Command(name = "dns", mixinStandardHelpOptions = true,
        description = {"Print every DNS record the installation needs, for every domain: the autoconfig. and autodiscover. "
                + "hosts pointing at what serves them, the SRV records, and the certificates' validation records.",
                "Domains in Route 53 get theirs from the stacks; for a domain whose DNS is elsewhere, create them there.",
                "The hosts' targets and the validation records are read from AWS (ACM, API Gateway, CloudFront) once the "
                        + "stacks exist; without AWS access, or before the deploy, those are marked as named by the deployment.",
                "The records a domain publishes (PACC, MTA-STS, TLS-RPT, DAV discovery) hold what the table says now: after an edit "
                        + "of the table, run it again and update them where your DNS is elsewhere (in Route 53 the DNS updater does). "
                        + "An MTA-STS policy whose mx patterns miss one of the domain's MX hosts is held back."})
public final class DnsCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (name, type, TTL, value) or zone (a BIND zone-file fragment). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--domain", paramLabel = "NAME", description = "Only this domain's records (repeatable).")
    List<String> domains;

    @Option(names = "--offline", description = "Do not ask AWS: only what the configuration says.")
    boolean offline;

    @Option(names = "--acm-endpoint", paramLabel = "URL", defaultValue = "${env:ACM_ENDPOINT}",
            description = "Another ACM endpoint, e.g. a stand-in (env ACM_ENDPOINT).")
    String acmEndpoint;

    @Option(names = "--apigateway-endpoint", paramLabel = "URL", defaultValue = "${env:APIGATEWAY_ENDPOINT}",
            description = "Another API Gateway endpoint (env APIGATEWAY_ENDPOINT).")
    String apiGatewayEndpoint;

    @Option(names = "--cloudfront-endpoint", paramLabel = "URL", defaultValue = "${env:CLOUDFRONT_ENDPOINT}",
            description = "Another CloudFront endpoint (env CLOUDFRONT_ENDPOINT).")
    String cloudFrontEndpoint;

    @Option(names = "--no-table", description = "Do not read the table: the records that follow it are listed without their values.")
    boolean noTable;

    @Option(names = "--no-mx-check", description = "Do not look up the domains' MX hosts to check their MTA-STS policy.")
    boolean noMxCheck;

    @Option(names = "--resolver", paramLabel = "HOST:PORT", description = "The DNS resolver for the MX check instead of the system's.")
    String resolver;

    @Mixin
    InstallationOption installation;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DnsFormat chosen;
        try {
            chosen = DnsFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: --format must be table or zone, not " + format);
            return MailconfigCli.FAILED;
        }
        Optional<InetSocketAddress> mxResolver;
        try {
            mxResolver = Optional.ofNullable(resolver).map(DnsMxHosts::resolverAddress);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: --resolver " + resolver + " " + e.getMessage());
            return MailconfigCli.FAILED;
        }
        Installation described = installation.load();
        target.defaultTo(described);
        PrintWriter err = spec.commandLine().getErr();
        Set<String> only = domains == null ? Set.of()
                : domains.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        DeployedNames names = offline ? DeployedNames.NONE : deployed(described, err);
        PrintWriter out = spec.commandLine().getOut();
        try (TableReading table = tableValues(described, mxResolver, err)) {
            List<DnsListing.Domain> listing = DnsListing.of(described, names, table.values(),
                    domain -> only.isEmpty() || only.contains(domain));
            out.print(chosen.render(listing, described.sharedHosts()));
            out.flush();
            return finish(listing, only, err);
        }
    }

    private Integer finish(List<DnsListing.Domain> listing, Set<String> only, PrintWriter err) {
        long unknown = DnsListing.unknown(listing);
        if (unknown > 0) {
            err.println(unknown + " record" + (unknown == 1 ? "" : "s") + " to create wait for the deployment: the certificates' validation records"
                    + " exist as soon as ./dev deploy has requested them (the first deploy waits until they are in DNS), the hosts'"
                    + " targets once it is done; run ./dev cli dns again then.");
        }
        if (!only.isEmpty() && listing.size() < only.size()) {
            err.println("not in the installation (" + installation.describe() + "): "
                    + only.stream().filter(name -> listing.stream().noneMatch(d -> d.domain().equals(name))).sorted().toList());
            return MailconfigCli.INVALID;
        }
        return 0;
    }

    /** The table, when it is read, and what its records hold; closing it closes the table. */
    private record TableReading(DnsListing.TableValues values, AutoCloseable table) implements AutoCloseable {
        @Override
        public void close() {
            try {
                table.close();
            } catch (Exception e) {
                throw new IllegalStateException("the table cannot be closed", e);
            }
        }
    }

    private TableReading tableValues(Installation described, Optional<InetSocketAddress> mxResolver, PrintWriter err) {
        if (noTable || described.publishing().isEmpty()) {
            return new TableReading(DnsListing.TableValues.NOT_READ, () -> { });
        }
        TableAccess table;
        try {
            table = target.open();
        } catch (TargetOptions.NoAccessException e) {
            err.println("warning: " + e.getMessage() + "; the records that follow the table are listed without their values");
            return new TableReading(DnsListing.TableValues.NOT_READ, () -> { });
        }
        ConfigStore store = new DynamoDbConfigStore(table.client(), table.tableName());
        TableRecords.MxHosts mxHosts = noMxCheck ? TableRecords.MxHosts.UNKNOWN : new DnsMxHosts(mxResolver);
        DnsListing.TableValues values = TableRecordValues.from(store, mxHosts, warning -> err.println("warning: " + warning));
        return new TableReading(values, table);
    }

    private DeployedNames deployed(Installation described, PrintWriter err) {
        AwsAccess aws = AwsAccess.outsideLambda(described.region(), Optional.empty());
        try {
            aws.credentials().resolveCredentials();
        } catch (SdkClientException e) {
            err.println("no AWS credentials (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY): printing what the"
                    + " configuration says");
            return DeployedNames.NONE;
        }
        AwsDeployedNames names = new AwsDeployedNames(aws, new AwsDeployedNames.Endpoints(uri(acmEndpoint), uri(apiGatewayEndpoint),
                uri(cloudFrontEndpoint)), described);
        names.warnings().forEach(warning -> err.println("warning: " + warning));
        return names;
    }

    private static Optional<URI> uri(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(URI::create);
    }
}
