package io.mailconfig.cli;

import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;
import static io.mailconfig.store.dynamodb.Table.USER_PREFIX;

import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainNames;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.UserSettings;
import io.mailconfig.store.dynamodb.ItemReader.Problem;
import io.mailconfig.store.dynamodb.ItemWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One-off changes without writing a file: a domain or a mailbox added to, or removed from, the
 * provider that serves it. Each is checked like an import (the provider's partition with the change
 * must validate) and has a dry run.
 */
final class Edits {

    private Edits() {
    }

    /** What every edit takes: the table and a dry run. */
    static final class EditOptions {
        @Option(names = {"-n", "--dry-run"}, description = "Print the change with its key; write nothing.")
        boolean dryRun;

        @Mixin
        TargetOptions target;
    }

    @Command(name = "add-domain", mixinStandardHelpOptions = true,
            description = "Add a mail domain to a provider: its clients get the provider's servers.")
    static final class AddDomain implements Callable<Integer> {

        @Parameters(paramLabel = "DOMAIN", description = "The mail domain (an international name may be given in Unicode).")
        String domain;

        @Option(names = "--provider", required = true, paramLabel = "ID", description = "The provider (partition PROVIDER#ID).")
        String provider;

        @Option(names = "--alias-of", paramLabel = "DOMAIN", description = "Addresses here are redirected to this domain.")
        String aliasOf;

        @Option(names = "--active-sync-url", paramLabel = "URL", description = "The domain's Exchange ActiveSync endpoint.")
        URI activeSyncUrl;

        @Mixin
        EditOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String name = canonical(domain);
            Domain added = new Domain(name, Optional.ofNullable(aliasOf).map(Edits::canonical), Optional.ofNullable(activeSyncUrl));
            try (TableAccess table = options.target.open()) {
                String pk = PROVIDER_PREFIX + provider;
                List<Map<String, AttributeValue>> partition = table.partition(pk);
                if (partition.isEmpty()) {
                    return refuse(spec, "there is no provider " + pk + " in " + options.target.describe());
                }
                List<String> owners = table.partitionsHolding(DOMAIN_PREFIX + name);
                if (owners.stream().anyMatch(owner -> !owner.equals(pk))) {
                    return refuse(spec, name + " is already served by " + String.join(", ", owners) + "; remove it there first");
                }
                return write(spec, table, partition, ItemWriter.domain(provider, added), options.dryRun);
            }
        }
    }

    @Command(name = "remove-domain", mixinStandardHelpOptions = true,
            description = "Remove a mail domain from the provider that serves it.")
    static final class RemoveDomain implements Callable<Integer> {

        @Parameters(paramLabel = "DOMAIN", description = "The mail domain.")
        String domain;

        @Option(names = "--force", description = "Remove it even when it is its provider's last domain.")
        boolean force;

        @Mixin
        EditOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String sk = DOMAIN_PREFIX + canonical(domain);
            try (TableAccess table = options.target.open()) {
                List<String> owners = table.partitionsHolding(sk);
                if (owners.isEmpty()) {
                    return refuse(spec, "no provider serves " + canonical(domain));
                }
                for (String pk : owners) {
                    long domains = table.partition(pk).stream().filter(item -> ItemFile.key(item, SORT_KEY).startsWith(DOMAIN_PREFIX)).count();
                    if (domains == 1 && !force) {
                        return refuse(spec, canonical(domain) + " is the last domain of " + pk + "; give --force to remove it");
                    }
                    delete(spec, table, pk, sk, options.dryRun);
                }
                return 0;
            }
        }
    }

    @Command(name = "add-user", mixinStandardHelpOptions = true,
            description = {"Give one mailbox settings of its own (a USER# item in the provider that serves its domain).",
                    "Only for a mailbox whose login name or display name differs from its domain's defaults."})
    static final class AddUser implements Callable<Integer> {

        @Parameters(paramLabel = "ADDRESS", description = "The mailbox's address.")
        String address;

        @Option(names = "--login-name", paramLabel = "NAME", description = "The login name, instead of the servers' template.")
        String loginName;

        @Option(names = "--display-name", paramLabel = "NAME", description = "The person's name.")
        String displayName;

        @Mixin
        EditOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            EmailAddress mailbox = EmailAddress.parse(address);
            if (loginName == null && displayName == null) {
                return refuse(spec, "give --login-name, --display-name or both: a mailbox without either gets its domain's answer");
            }
            UserSettings user = new UserSettings(mailbox.key(), Optional.ofNullable(loginName), Optional.ofNullable(displayName));
            try (TableAccess table = options.target.open()) {
                List<String> owners = table.partitionsHolding(DOMAIN_PREFIX + mailbox.domain());
                if (owners.size() != 1) {
                    return refuse(spec, owners.isEmpty() ? "no provider serves " + mailbox.domain()
                            : mailbox.domain() + " is served by " + String.join(", ", owners) + "; fix that first");
                }
                String pk = owners.getFirst();
                return write(spec, table, table.partition(pk), ItemWriter.user(pk.substring(PROVIDER_PREFIX.length()), user),
                        options.dryRun);
            }
        }
    }

    @Command(name = "remove-user", mixinStandardHelpOptions = true,
            description = "Remove a mailbox's own settings: it gets its domain's answer again.")
    static final class RemoveUser implements Callable<Integer> {

        @Parameters(paramLabel = "ADDRESS", description = "The mailbox's address.")
        String address;

        @Mixin
        EditOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            EmailAddress mailbox = EmailAddress.parse(address);
            String sk = USER_PREFIX + mailbox.key();
            try (TableAccess table = options.target.open()) {
                List<String> owners = table.partitionsHolding(sk);
                if (owners.isEmpty()) {
                    return refuse(spec, mailbox.key() + " has no settings of its own");
                }
                for (String pk : owners) {
                    delete(spec, table, pk, sk, options.dryRun);
                }
                return 0;
            }
        }
    }

    /** Writes one item after checking its partition with it, as an import would. */
    private static int write(CommandSpec spec, TableAccess table, List<Map<String, AttributeValue>> partition,
            Map<String, AttributeValue> item, boolean dryRun) {
        List<Map<String, AttributeValue>> after = new ArrayList<>(partition);
        String sk = ItemFile.key(item, SORT_KEY);
        boolean replaces = after.removeIf(existing -> ItemFile.key(existing, SORT_KEY).equals(sk));
        after.add(item);
        List<Problem> problems = Validator.validate(after,
                domain -> !table.partitionsHolding(DOMAIN_PREFIX + domain).isEmpty()).stream()
                .filter(problem -> problem.sk().equals(sk)).toList();
        if (!problems.isEmpty()) {
            problems.forEach(spec.commandLine().getErr()::println);
            return MailconfigCli.INVALID;
        }
        Importer.Change change = new Importer.Change(replaces ? Importer.Action.UPDATE : Importer.Action.ADD,
                ItemFile.key(item, PARTITION_KEY), sk, item);
        report(spec, change, dryRun);
        if (!dryRun) {
            table.put(item);
        }
        return 0;
    }

    private static void delete(CommandSpec spec, TableAccess table, String pk, String sk, boolean dryRun) {
        report(spec, new Importer.Change(Importer.Action.DELETE, pk, sk, Map.of()), dryRun);
        if (!dryRun) {
            table.delete(pk, sk);
        }
    }

    private static void report(CommandSpec spec, Importer.Change change, boolean dryRun) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(change);
        out.println(dryRun ? "dry run, nothing written" : "done");
    }

    private static int refuse(CommandSpec spec, String reason) {
        spec.commandLine().getErr().println("error: " + reason);
        return MailconfigCli.INVALID;
    }

    private static String canonical(String domain) {
        return DomainNames.normalize(domain).orElseThrow(() -> new IllegalArgumentException("not a domain name: " + domain));
    }
}
