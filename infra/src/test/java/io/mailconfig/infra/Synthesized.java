package io.mailconfig.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.infra.MailconfigApp.Stacks;
import io.mailconfig.installation.Installation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * One app, synthesised once: every template and message is read from its one cloud assembly
 * ({@code Template.fromStack} would synthesise the whole app again for each stack). The apps the
 * test classes share are built once per test JVM; the first synth unpacks aws-cdk-lib through jsii.
 */
final class Synthesized {

    private static final Map<String, Synthesized> SHARED = new ConcurrentHashMap<>();

    private final Installation installation;
    private final Stacks stacks;
    private final CloudAssembly assembly;

    private Synthesized(Installation installation, Stacks stacks, CloudAssembly assembly) {
        this.installation = installation;
        this.stacks = stacks;
        this.assembly = assembly;
    }

    static Synthesized of(Installation installation) {
        return of(installation, index -> true);
    }

    static Synthesized of(Installation installation, IntPredicate domainStacks) {
        App app = new App();
        Stacks stacks = MailconfigApp.build(app, installation, jars(), domainStacks);
        return new Synthesized(installation, stacks, app.synth());
    }

    /** The app a name stands for, synthesised on first use and shared by every test class after. */
    static Synthesized shared(String name, Supplier<Synthesized> app) {
        return SHARED.computeIfAbsent(name, key -> app.get());
    }

    static String lambdaJar() {
        return MailconfigApp.lambdaJar(Path.of("../function/target"), "mailconfig-function-").orElseThrow(
                () -> new IllegalStateException("build the function jar first: mvn -pl function,infra verify")).toString();
    }

    static MailconfigApp.Jars jars() {
        return new MailconfigApp.Jars(lambdaJar(), MailconfigApp.lambdaJar(Path.of("../dns-updater/target"), "mailconfig-dns-updater-")
                .orElseThrow(() -> new IllegalStateException("build the DNS updater's jar first: mvn -pl dns-updater,infra verify")).toString());
    }

    Installation installation() {
        return installation;
    }

    Stacks stacks() {
        return stacks;
    }

    /** The domain stack that holds a domain's hosts and records. */
    DomainsStack stackOf(String domain) {
        String name = "MailconfigDomains" + (installation.stacks().of(domain).index() + 1);
        return stacks.domains().stream().filter(stack -> stack.getStackName().equals(name)).findFirst().orElseThrow();
    }

    Template template(Stack stack) {
        return Template.fromJSON(templateJson(stack));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> templateJson(Stack stack) {
        return (Map<String, Object>) artifact(stack).getTemplate();
    }

    /** The template as CloudFormation receives it, in bytes (the limit is 1 MB, uploaded through S3). */
    long templateBytes(Stack stack) {
        try {
            return Files.size(Path.of(artifact(stack).getTemplateFullPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int resourceCount(Stack stack) {
        return ((Map<?, ?>) templateJson(stack).get("Resources")).size();
    }

    List<SynthesisMessage> messages(Stack stack) {
        return artifact(stack).getMessages();
    }

    private CloudFormationStackArtifact artifact(Stack stack) {
        return assembly.getStackArtifact(stack.getArtifactId());
    }

    static Installation installation(String json) {
        try {
            return Installation.fromContext(new ObjectMapper().readValue(json, Map.class), Path.of(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
