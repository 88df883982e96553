package io.mailconfig.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.mailconfig.installation.DomainStacks;
import io.mailconfig.installation.Edge;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.InvalidInstallationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: {@code MailconfigData} (the table), {@code MailconfigService} (function and API),
 * with the edge {@code MailconfigEdge} in us-east-1 (web ACL and CloudFront's certificates), and
 * {@code MailconfigDomains1..n} (hosts and Route 53 records), all checked by cdk-nag's AwsSolutions rules.
 */
public final class MailconfigApp {

    /** The deployment jars: the function's, and the DNS updater's. */
    public record Jars(String function, String dnsUpdater) {
    }

    /** The stacks of one deployment; {@code domains.get(i)} is stack {@code i} of {@link DomainStacks}. */
    public record Stacks(DataStack data, ServiceStack service, Optional<EdgeStack> edge, List<DomainsStack> domains,
            Optional<DnsUpdaterStack> dnsUpdater) {

        public List<Stack> all() {
            List<Stack> all = new ArrayList<>(List.of(data, service));
            edge.ifPresent(all::add);
            dnsUpdater.ifPresent(all::add);
            all.addAll(domains);
            return all;
        }
    }

    private MailconfigApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Installation installation;
        try {
            installation = Installation.fromContext(app.getNode().tryGetContext(Installation.CONTEXT_KEY), Path.of(""));
        } catch (InvalidInstallationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Optional<Path> jar = lambdaJar(Path.of("../function/target"), "mailconfig-function-");
        Optional<Path> updater = lambdaJar(Path.of("../dns-updater/target"), "mailconfig-dns-updater-");
        if (jar.isEmpty() || updater.isEmpty()) {
            System.err.println("the jars mailconfig-function-<version>-lambda.jar and mailconfig-dns-updater-<version>-lambda.jar"
                    + " are missing from ../function/target and ../dns-updater/target: build them first (./dev synth does)");
            System.exit(1);
            return;
        }
        build(app, installation, new Jars(jar.get().toString(), updater.get().toString()));
        app.synth();
    }

    /** The newest deployment jar Maven's shade plugin wrote, {@code <prefix><version>-lambda.jar}. */
    static Optional<Path> lambdaJar(Path target, String prefix) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith("-lambda.jar");
            }).max(Comparator.comparing(file -> file.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Adds every stack to the app, with cdk-nag's AwsSolutions checks and the reasoned suppressions. */
    public static Stacks build(App app, Installation installation, Jars jars) {
        return build(app, installation, jars, index -> true);
    }

    /**
     * Like {@link #build(App, Installation, Jars)}, with only the domain stacks {@code wanted}
     * accepts: a test of one stack among many need not build the others.
     */
    static Stacks build(App app, Installation installation, Jars jars, IntPredicate wanted) {
        // Domain stacks import the API and its stage: keep exports in place while anything imports them.
        app.getNode().setContext("@aws-cdk/core:defaultCrossStackReferences", "strong");
        boolean edge = installation.edge().isPresent();
        StackProps props = props(installation.account(), installation.region(), edge);
        DataStack data = new DataStack(app, "MailconfigData", withDescription(props, "mailconfig: the configuration table"),
                installation.service());
        ServiceStack service = new ServiceStack(app, "MailconfigService",
                withDescription(props, "mailconfig: function, alias and HTTP API"), installation, data.table(), jars.function());
        Optional<EdgeStack> edgeStack = installation.edge().map(settings -> new EdgeStack(app, "MailconfigEdge",
                withDescription(props(installation.account(), Edge.REGION, true), "mailconfig: the edge's web ACL and certificates"),
                settings, installation.hostPairs()));
        List<DomainsStack> domains = new ArrayList<>();
        for (DomainStacks.Stack plan : installation.stacks().all()) {
            if (!wanted.test(plan.index())) {
                continue;
            }
            DomainsStack stack = new DomainsStack(app, "MailconfigDomains" + (plan.index() + 1),
                    withDescription(props, "mailconfig: hosts and DNS of " + plan.hostPairs().size() + " pairs of hosts and "
                            + plan.route53Records().size() + " domains in Route 53"),
                    plan, service.api(), service.stage(), installation.edge(), service.edgeCaching(), edgeStack);
            // When the number of stacks doubles, domains move here from the parent: it drops them first.
            DomainStacks.parentOf(plan.index()).ifPresent(parent -> domains.stream()
                    .filter(other -> other.getStackName().equals("MailconfigDomains" + (parent + 1)))
                    .forEach(stack::addDependency));
            domains.add(stack);
        }
        Optional<DnsUpdaterStack> dnsUpdater = DnsUpdaterStack.managed(installation).isEmpty() ? Optional.empty()
                : Optional.of(new DnsUpdaterStack(app, "MailconfigDnsUpdater", withDescription(props,
                        "mailconfig: the DNS records that follow the table, in Route 53"), installation, data.table(), jars.dnsUpdater()));
        Tags.of(app).add("application", "mailconfig");
        suppress(service, domains);
        dnsUpdater.ifPresent(MailconfigApp::suppress);
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        return new Stacks(data, service, edgeStack, List.copyOf(domains), dnsUpdater);
    }

    /**
     * The account and region of a stack. Distributions in the region use certificates and the web
     * ACL of us-east-1: CDK carries such values across regions through SSM parameters.
     */
    private static StackProps props(String account, String region, boolean crossRegion) {
        return StackProps.builder()
                .env(Environment.builder().account(account).region(region).build())
                .crossRegionReferences(crossRegion)
                .build();
    }

    private static StackProps withDescription(StackProps props, String description) {
        return StackProps.builder().env(props.getEnv()).crossRegionReferences(props.getCrossRegionReferences())
                .description(description).build();
    }

    /** Every suppression says why the rule does not fit here. */
    private static void suppress(DnsUpdaterStack updater) {
        NagSuppressions.addResourceSuppressions(updater.role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("dynamodb:ListStreams, which reading the table's stream takes, has no resource-level permission;"
                        + " every other action names its table, stream, queue, hosted zones and record names")
                .appliesTo(List.of("Resource::*"))
                .build()), true);
        NagSuppressions.addResourceSuppressions(updater.deadLetters(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("this is the dead-letter queue of the retirement queue; its messages wait here for a person")
                .build()));
    }


    private static void suppress(ServiceStack service, List<DomainsStack> domains) {
        NagSuppressions.addResourceSuppressions(service.api(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-APIG4")
                .reason("Autoconfig, Autodiscover and configuration profiles are public by protocol: mail clients ask before they have any credentials")
                .build()), true);
        for (DomainsStack stack : domains) {
            stack.distributions().forEach(distribution -> NagSuppressions.addResourceSuppressions(distribution, List.of(
                    NagPackSuppression.builder()
                            .id("AwsSolutions-CFR1")
                            .reason("Mail clients everywhere set themselves up from these hosts; a mail provider's users travel")
                            .build(),
                    NagPackSuppression.builder()
                            .id("AwsSolutions-CFR3")
                            .reason("Edge access logs would keep every client address and query string, mail addresses included;"
                                    + " mailconfig keeps addresses out of its logs, and the API's access log records each request that reaches it")
                            .build())));
        }
    }

}
