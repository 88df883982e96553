package io.mailconfig.cli.dns;

import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.installation.MailDomain;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.store.ConfigStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What the records that follow the table should hold now, read from a table: the computation
 * {@code ./dev cli dns} prints and a check of the published DNS compares with.
 */
public final class TableRecordValues {

    private TableRecordValues() {
    }

    /** The kinds of record a domain of the installation publishes, as {@link TableRecords} names them. */
    public static Set<TableRecords.Kind> kinds(MailDomain domain) {
        return domain.publications().stream().map(publication -> TableRecords.Kind.parse(publication.id).orElseThrow())
                .collect(Collectors.toSet());
    }

    /**
     * Each domain's records from {@code store}; a domain the table does not know should publish none
     * of them. Why a record is held back, and a domain missing from the table, go to {@code warnings}.
     */
    public static DnsListing.TableValues from(ConfigStore store, TableRecords.MxHosts mxHosts, Consumer<String> warnings) {
        return (domain, kinds) -> Optional.of(of(domain, store.find(domain), kinds, mxHosts, warnings));
    }

    /** The records of one domain from its configuration as the table holds it (empty: not in the table). */
    public static TableRecords.Result of(String domain, Optional<DomainConfig> config, Set<TableRecords.Kind> kinds,
            TableRecords.MxHosts mxHosts, Consumer<String> warnings) {
        if (config.isEmpty()) {
            warnings.accept(domain + " is not in the table: it should publish none of these records");
            return new TableRecords.Result(TableRecords.absent(domain, kinds), List.of());
        }
        TableRecords.Result result = TableRecords.of(config.get(), kinds, mxHosts);
        result.problems().forEach(warnings);
        return result;
    }
}
