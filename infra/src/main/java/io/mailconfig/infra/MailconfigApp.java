package io.mailconfig.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.mailconfig.infra.InfraConfig.InvalidConfigException;
import io.mailconfig.infra.InfraConfig.MailDomain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: {@code MailconfigData} (the table), {@code MailconfigService} (function and API) and
 * {@code MailconfigDomains1..n} (certificates and DNS), checked by cdk-nag's AwsSolutions rules.
 */
public final class MailconfigApp {

    /** The stacks of one deployment. */
    public record Stacks(DataStack data, ServiceStack service, List<DomainsStack> domains) {
    }

    private MailconfigApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        InfraConfig config;
        try {
            config = InfraConfig.fromContext(app.getNode().tryGetContext(InfraConfig.CONTEXT_KEY), Path.of(""));
        } catch (InvalidConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Optional<Path> jar = lambdaJar(Path.of("../function/target"));
        if (jar.isEmpty()) {
            System.err.println("the function jar mailconfig-function-<version>-lambda.jar is missing from ../function/target:"
                    + " build it first (./dev synth does)");
            System.exit(1);
            return;
        }
        build(app, config, jar.get().toString());
        app.synth();
    }

    /** The newest deployment jar Maven's shade plugin wrote, {@code mailconfig-function-<version>-lambda.jar}. */
    static Optional<Path> lambdaJar(Path functionTarget) {
        try (Stream<Path> files = Files.list(functionTarget)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith("mailconfig-function-") && name.endsWith("-lambda.jar");
            }).max(Comparator.comparing(file -> file.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Adds every stack to the app, with cdk-nag's AwsSolutions checks and the reasoned suppressions. */
    public static Stacks build(App app, InfraConfig config, String lambdaJar) {
        // Domain stacks import the API and its stage: keep exports in place while anything imports them.
        app.getNode().setContext("@aws-cdk/core:defaultCrossStackReferences", "strong");
        StackProps props = StackProps.builder()
                .env(Environment.builder().account(config.account()).region(config.region()).build())
                .build();
        DataStack data = new DataStack(app, "MailconfigData", withDescription(props, "mailconfig: the configuration table"), config);
        ServiceStack service = new ServiceStack(app, "MailconfigService",
                withDescription(props, "mailconfig: function, alias and HTTP API"), config, data.table(), lambdaJar);
        List<DomainsStack> domains = new ArrayList<>();
        List<MailDomain> all = config.domains();
        for (int from = 0, group = 1; from < all.size(); from += DomainsStack.DOMAINS_PER_STACK, group++) {
            List<MailDomain> slice = all.subList(from, Math.min(all.size(), from + DomainsStack.DOMAINS_PER_STACK));
            domains.add(new DomainsStack(app, "MailconfigDomains" + group,
                    withDescription(props, "mailconfig: certificates and DNS for " + slice.size() + " mail domains"),
                    slice, service.api(), service.stage()));
        }
        Tags.of(app).add("application", "mailconfig");
        suppress(service);
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        return new Stacks(data, service, List.copyOf(domains));
    }

    private static StackProps withDescription(StackProps props, String description) {
        return StackProps.builder().env(props.getEnv()).description(description).build();
    }

    /** Every suppression says why the rule does not fit here. */
    private static void suppress(ServiceStack service) {
        NagSuppressions.addResourceSuppressions(service.api(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-APIG4")
                .reason("Autoconfig, Autodiscover and configuration profiles are public by protocol: mail clients ask before they have any credentials")
                .build()), true);
    }

}
