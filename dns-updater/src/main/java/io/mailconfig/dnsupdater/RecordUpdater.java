package io.mailconfig.dnsupdater;

import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.protocol.pacc.PaccRecord;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.dynamodb.Table;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.model.Change;

/**
 * Keeps the records of the managed domains equal to what the table says ({@link TableRecords}):
 * for each domain a change touches, it recomputes the records and writes exactly those that
 * differ, in one change batch per domain. A new PACC digest joins the old ones rather than
 * replacing them; each old one is removed once the last document that carries it may have left
 * every cache ({@link #retire}).
 */
final class RecordUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(RecordUpdater.class);

    private final ConfigStore table;
    private final Route53Records dns;
    private final Retirements retirements;
    private final TableRecords.MxHosts mxHosts;
    private final Map<String, ManagedDomain> managed = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration oldDocumentLifetime;

    /** @param oldDocumentLifetime how long a PACC document may be served after the table changed: the function's cache and the answer's max-age */
    RecordUpdater(ConfigStore table, Route53Records dns, Retirements retirements, TableRecords.MxHosts mxHosts,
            List<ManagedDomain> domains, Clock clock, Duration oldDocumentLifetime) {
        this.table = table;
        this.dns = dns;
        this.retirements = retirements;
        this.mxHosts = mxHosts;
        domains.forEach(domain -> managed.put(domain.name(), domain));
        this.clock = clock;
        this.oldDocumentLifetime = oldDocumentLifetime;
    }

    Set<String> managedDomains() {
        return managed.keySet();
    }

    /** The key of an item whose change reached the stream. */
    record ItemKey(String pk, String sk) {
    }

    /**
     * The managed domains the changes of one batch touch, each read from the table once: a
     * domain's own item that domain, a mailbox's none, anything else of a provider (its names,
     * servers, DAV servers, policy) every managed domain of that provider.
     */
    Map<String, Optional<DomainConfig>> affected(Collection<ItemKey> changed) {
        Map<String, Optional<DomainConfig>> configs = new LinkedHashMap<>();
        Set<String> providers = new HashSet<>();
        for (ItemKey key : changed) {
            if (key.sk().startsWith(Table.DOMAIN_PREFIX)) {
                String domain = key.sk().substring(Table.DOMAIN_PREFIX.length());
                if (managed.containsKey(domain)) {
                    configs.computeIfAbsent(domain, table::find);
                }
            } else if (!key.sk().startsWith(Table.USER_PREFIX) && key.pk().startsWith(Table.PROVIDER_PREFIX)) {
                providers.add(key.pk().substring(Table.PROVIDER_PREFIX.length()));
            }
        }
        if (!providers.isEmpty()) {
            for (String domain : managed.keySet()) {
                Optional<DomainConfig> config = configs.containsKey(domain) ? configs.get(domain) : table.find(domain);
                if (config.filter(found -> providers.contains(found.provider().provider().id())).isPresent()) {
                    configs.put(domain, config);
                }
            }
        }
        return configs;
    }

    /** Every one of these managed domains, as the table holds it now. */
    void update(Collection<String> domains) {
        Map<String, Optional<DomainConfig>> configs = new LinkedHashMap<>();
        domains.stream().filter(managed::containsKey).forEach(domain -> configs.put(domain, table.find(domain)));
        update(configs);
    }

    /** @param configs managed domains and their configuration as read for this update */
    void update(Map<String, Optional<DomainConfig>> configs) {
        configs.forEach((name, config) -> update(managed.get(name), config));
    }

    private void update(ManagedDomain domain, Optional<DomainConfig> config) {
        List<TableRecords.Record> wanted;
        if (config.isPresent()) {
            TableRecords.Result result = TableRecords.of(config.get(), domain.kinds(), mxHosts);
            result.problems().forEach(problem -> LOG.warn("{}", problem));
            wanted = result.records();
        } else {
            // The domain left the table: none of its records should remain.
            wanted = TableRecords.absent(domain.name(), domain.kinds());
        }
        List<Change> changes = new ArrayList<>();
        for (TableRecords.Record record : wanted) {
            Optional<Route53Records.Current> current = dns.read(domain.hostedZoneId(), record.key());
            List<String> values = record.values();
            if (record.key().name().startsWith(PaccRecord.NAME_PREFIX) && current.isPresent() && !values.isEmpty()) {
                values = withOldDigests(domain.name(), values, current.get().values());
            }
            if (values.isEmpty()) {
                current.ifPresent(set -> changes.add(Route53Records.delete(set)));
            } else if (current.isEmpty() || !new HashSet<>(current.get().values()).equals(new HashSet<>(values))
                    || current.get().set().ttl() == null || current.get().set().ttl() != TableRecords.TTL) {
                changes.add(Route53Records.upsert(record.key(), values, TableRecords.TTL));
            }
        }
        if (!changes.isEmpty()) {
            dns.change(domain.hostedZoneId(), "mailconfig: the records of " + domain.name() + " follow the table", changes);
            LOG.info("wrote {} record sets of {}", changes.size(), domain.name());
        }
    }

    /** The new digest first, then every other one still published, each of those to be removed later. */
    private List<String> withOldDigests(String domain, List<String> values, List<String> published) {
        List<String> all = new ArrayList<>(values);
        for (String old : published) {
            if (!all.contains(old)) {
                all.add(old);
                retirements.schedule(new Retirements.Retirement(domain, old, clock.instant().plus(oldDocumentLifetime)));
            }
        }
        return all;
    }

    /**
     * Removes one old digest, unless it is due later (then it waits again) or has become the
     * current one again (the table went back to what it held before).
     */
    void retire(Retirements.Retirement retirement) {
        if (clock.instant().isBefore(retirement.notBefore())) {
            retirements.schedule(retirement);
            return;
        }
        ManagedDomain domain = managed.get(retirement.domain());
        if (domain == null || !domain.kinds().contains(TableRecords.Kind.PACC)) {
            return;
        }
        TableRecords.Key key = new TableRecords.Key(PaccRecord.name(domain.name()), "TXT");
        Optional<Route53Records.Current> current = dns.read(domain.hostedZoneId(), key);
        List<String> now = table.find(domain.name())
                .map(config -> TableRecords.of(config, Set.of(TableRecords.Kind.PACC), mxHosts).records())
                .flatMap(records -> records.stream().findFirst()).map(TableRecords.Record::values).orElse(List.of());
        if (current.isEmpty() || !current.get().values().contains(retirement.txt()) || now.contains(retirement.txt())) {
            return;
        }
        List<String> remaining = current.get().values().stream().filter(value -> !value.equals(retirement.txt())).toList();
        Change change = remaining.isEmpty() ? Route53Records.delete(current.get()) : Route53Records.upsert(key, remaining, TableRecords.TTL);
        dns.change(domain.hostedZoneId(), "mailconfig: the old PACC digest of " + domain.name() + " has outlived every cached document",
                List.of(change));
    }
}
