package io.mailconfig.cli;

import io.mailconfig.cli.automx2.Automx2Migration;
import io.mailconfig.cli.automx2.Automx2Source;
import io.mailconfig.cli.dns.DnsCommand;
import io.mailconfig.cli.doctor.DoctorCommand;
import io.mailconfig.installation.Installation;
import io.mailconfig.local.Version;
import io.mailconfig.store.dynamodb.ItemReader.Problem;
import io.mailconfig.store.dynamodb.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code ./dev cli}: the mailconfig table from the command line. See docs/data-management.md. */
@Command(name = "mailconfig", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Import, export and validate mailconfig's configuration; migrate from automx2; print the DNS records to create; "
                + "check a live installation from outside (doctor).",
        subcommands = {MailconfigCli.Import.class, MailconfigCli.Export.class, MailconfigCli.Validate.class,
                MailconfigCli.Migrate.class, DnsCommand.class, DoctorCommand.class, Edits.AddDomain.class, Edits.RemoveDomain.class,
                Edits.AddUser.class, Edits.RemoveUser.class, CommandLine.HelpCommand.class})
public final class MailconfigCli implements Callable<Integer> {

    /** Exit code when the data has mistakes (validate, or an import refused). */
    public static final int INVALID = 1;
    /** Exit code when the tool could not do its work (file unreadable, table unreachable). */
    public static final int FAILED = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new MailconfigCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return FAILED;
                });
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Load a YAML or JSON file of providers into the table.",
                    "Only items that differ are written, so running it twice changes nothing. Items missing from "
                            + "the file are kept unless --prune is given, which deletes them from the partitions the "
                            + "file names (other providers are never touched).",
                    "The file is validated first; with any mistake nothing is written."})
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The data file (.yaml, .yml or .json).")
        Path file;

        @Mixin
        WriteOptions writing;

        @Mixin
        TargetOptions target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return load(spec, target, ItemFile.read(file), writing);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the table as a data file, the format import reads.")
    static final class Export implements Callable<Integer> {

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write to FILE instead of standard output; .json gives JSON.")
        Path output;

        @Option(names = "--format", description = "yaml or json (default: from the output file name, else yaml).")
        ItemFile.Format format;

        @Mixin
        TargetOptions target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Map<String, AttributeValue>> items;
            try (TableAccess table = target.open()) {
                items = table.scanAll();
            }
            for (String pk : ItemFile.partitionsLeftOut(items)) {
                spec.commandLine().getErr().println("left out: partition " + pk + " is not PROVIDER#<id>");
            }
            write(spec, output, ItemFile.write(items, formatFor(output, format)));
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check the table, or a data file, for every mistake mailconfig would trip over.",
                    "The table's domains are compared with the installation's (infra/cdk.json, or --installation): a domain "
                            + "the table answers for that no host or DNS record leads to, and a domain served that the table does not know.",
                    "Prints each problem with the key of its item; exits 1 when there is any."})
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "A data file to check instead of the table.")
        Path file;

        @Option(names = "--no-installation", description = "Do not compare the domains with the installation's.")
        boolean noInstallation;

        @Mixin
        InstallationOption installation;

        @Mixin
        TargetOptions target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Map<String, AttributeValue>> items;
            String what;
            // A file is checked on its own; the table against the installation that deploys it.
            Optional<Installation> described = file == null && !noInstallation && installation.source().isPresent()
                    ? Optional.of(installation.load()) : Optional.empty();
            if (file != null) {
                items = ItemFile.read(file);
                what = file.toString();
            } else {
                described.ifPresent(target::defaultTo);
                try (TableAccess table = target.open()) {
                    items = table.scanAll();
                }
                what = target.describe();
            }
            List<String> problems = new ArrayList<>(Validator.validate(items).stream().map(Problem::toString).toList());
            // A file may hold some providers only; the table is what clients are answered from.
            if (described.isPresent()) {
                problems.addAll(DomainComparison.compare(described.get(), installation.describe(), items));
                what += " and the installation " + installation.describe();
            }
            PrintWriter out = spec.commandLine().getOut();
            Validator.unknownItems(items).forEach(note -> out.println("note: " + note));
            problems.forEach(out::println);
            out.println(problems.isEmpty()
                    ? what + ": " + items.size() + " items, no problems"
                    : what + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + items.size() + " items");
            return problems.isEmpty() ? 0 : INVALID;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Carry an automx2 installation over: its database (SQLite, MariaDB/MySQL or PostgreSQL) "
                    + "or its JSON seed (version 1 or 2).",
                    "Domains of one automx2 provider that use the same servers become one mailconfig provider. "
                            + "Prints what could not be carried over (plain-text servers, LDAP look-ups, providers without "
                            + "usable servers, ...) and carries the rest; --strict makes that exit 1.",
                    "Imports into the table like 'import' does, or writes a data file with --output to review first."})
    static final class Migrate implements Callable<Integer> {

        @Parameters(paramLabel = "SOURCE", description = {"automx2's database as its db_uri names it "
                + "(sqlite:////var/lib/automx2/db.sqlite, mysql://user:password@host/automx2, "
                + "postgresql://user:password@host/automx2), an SQLite database file, or a JSON seed file."})
        String source;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write a data file instead of importing (.json gives JSON, else YAML).")
        Path output;

        @Option(names = "--strict", description = "Exit 1 when anything could not be carried over (it is reported either way).")
        boolean strict;

        @Mixin
        WriteOptions writing;

        @Mixin
        TargetOptions target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Automx2Migration.Result result = Automx2Migration.migrate(Automx2Source.of(source).read());
            PrintWriter err = spec.commandLine().getErr();
            result.report().forEach(line -> err.println("automx2: " + line));
            int exit;
            if (output != null) {
                write(spec, output, ItemFile.write(result.items(), formatFor(output, null)));
                List<Problem> problems = Validator.validate(result.items());
                problems.forEach(problem -> err.println("check: " + problem));
                exit = problems.isEmpty() ? 0 : INVALID;
            } else {
                exit = load(spec, target, result.items(), writing);
            }
            if (exit == 0 && strict && !result.skipped().isEmpty()) {
                err.println("automx2: " + result.skipped().size() + " thing" + (result.skipped().size() == 1 ? "" : "s")
                        + " not carried over (--strict)");
                return INVALID;
            }
            return exit;
        }
    }

    /** How import and migrate write to the table. */
    static final class WriteOptions {

        @Option(names = {"-n", "--dry-run"}, description = "Print each change with its key; write nothing.")
        boolean dryRun;

        @Option(names = "--prune", description = "Also delete items of the imported providers that the data does not "
                + "hold (other providers are never touched).")
        boolean prune;

        @Option(names = "--prune-limit", paramLabel = "PERCENT", defaultValue = "" + Importer.Prune.DEFAULT_MAX_SHARE_PERCENT,
                description = "With --prune, refuse to delete more than PERCENT of a provider's items (default: ${DEFAULT-VALUE}).")
        int pruneLimit;

        @Option(names = "--force", description = "With --prune, delete even beyond --prune-limit, or a whole provider.")
        boolean force;

        Importer.Prune prune() {
            return new Importer.Prune(prune, pruneLimit, force);
        }
    }


    /** Validate, refuse to take a domain from another provider, then write only the differences. */
    static int load(CommandSpec spec, TargetOptions target, List<Map<String, AttributeValue>> items, WriteOptions writing)
            throws Exception {
        boolean dryRun = writing.dryRun;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TableAccess table = target.open()) {
            List<Problem> problems = Validator.validate(items,
                    domain -> !table.partitionsHolding(Table.DOMAIN_PREFIX + domain).isEmpty());
            if (!problems.isEmpty()) {
                problems.forEach(err::println);
                err.println("nothing imported: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the data");
                return INVALID;
            }
            Validator.unknownItems(items).forEach(note -> err.println("note: " + note));
            Importer.Plan plan = Importer.plan(table, items, writing.prune());
            if (!plan.conflicts().isEmpty()) {
                plan.conflicts().forEach(conflict -> err.println("conflict: " + conflict));
                err.println("nothing imported: a domain belongs to one provider only");
                return INVALID;
            }
            plan.changes().forEach(out::println);
            if (!plan.refused().isEmpty()) {
                plan.refused().forEach(refusal -> err.println("refused: " + refusal));
                err.println("nothing imported: the deletions above are more than --prune may do on its own");
                return INVALID;
            }
            if (!dryRun) {
                Importer.apply(table, plan, line -> {
                    err.println(line);
                    err.flush();
                });
            }
            long deletes = plan.changes().stream().filter(c -> c.action() == Importer.Action.DELETE).count();
            out.println((dryRun ? "dry run, nothing written: would write " : "wrote ") + (plan.changes().size() - deletes)
                    + ", " + (dryRun ? "would delete " : "deleted ") + deletes + ", unchanged " + plan.unchanged()
                    + " (" + target.describe() + ")");
        }
        return 0;
    }

    static ItemFile.Format formatFor(Path output, ItemFile.Format format) {
        if (format != null) {
            return format;
        }
        return output != null && output.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? ItemFile.Format.JSON : ItemFile.Format.YAML;
    }

    static void write(CommandSpec spec, Path output, String text) throws IOException {
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text);
        }
    }
}
