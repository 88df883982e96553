package io.mailconfig.bench;

import io.mailconfig.cli.Importer;
import io.mailconfig.cli.ItemFile;
import io.mailconfig.cli.TableAccess;
import io.mailconfig.cli.Validator;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.dynamodb.Table;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The data tool at a hosting provider's size: a file with DOMAINS customer domains (default
 * 100,000) of one provider, parsed, validated, planned and imported into DynamoDB Local in memory,
 * then planned again (nothing to do). Prints the time of each step. Usage: {@code ImportScale [DOMAINS]}.
 */
public final class ImportScale {

    private ImportScale() {
    }

    public static void main(String[] args) throws Exception {
        int domains = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        StringBuilder file = new StringBuilder("""
                providers:
                  - id: hoster
                    name: Hoster
                    servers:
                      - {id: imap, type: imap, hostname: imap.hoster.example, port: 993, socketType: SSL, authentication: [password-cleartext]}
                      - {id: smtp, type: smtp, hostname: smtp.hoster.example, port: 465, socketType: SSL, authentication: [password-cleartext]}
                    domains:
                """);
        for (int i = 0; i < domains; i++) {
            file.append("      - customer").append(i).append(".example\n");
        }
        long start = System.nanoTime();
        List<Map<String, AttributeValue>> items = ItemFile.parse(file.toString());
        report("parse " + (file.length() / 1_000_000.0) + " MB", start);
        start = System.nanoTime();
        int problems = Validator.validate(items).size();
        report("validate (" + problems + " problems)", start);
        try (EmbeddedDynamoDb database = EmbeddedDynamoDb.inMemory()) {
            database.createTable(Table.DEFAULT_NAME);
            TableAccess table = new TableAccess(database.client(), Table.DEFAULT_NAME, () -> { });
            start = System.nanoTime();
            Importer.Plan plan = Importer.plan(table, items, Importer.Prune.OFF);
            report("plan " + plan.changes().size() + " changes", start);
            start = System.nanoTime();
            Importer.apply(table, plan, line -> { });
            report("import", start);
            start = System.nanoTime();
            Importer.Plan again = Importer.plan(table, items, Importer.Prune.OFF);
            report("plan again: " + again.changes().size() + " changes, " + again.unchanged() + " unchanged", start);
        }
        System.exit(0);
    }

    private static void report(String step, long startNanos) {
        System.out.printf("IMPORT-SCALE %-45s %8.1f s%n", step, (System.nanoTime() - startNanos) / 1e9);
    }
}
