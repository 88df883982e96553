package io.mailconfig.store.dynamodb;

import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.USER_PREFIX;

import io.mailconfig.aws.DynamoDbClients;
import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.UserSettings;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads a domain's configuration with a fixed number of queries, whatever the size of its
 * provider: the inverted index names the provider partition that holds {@code DOMAIN#<name>},
 * then that item itself (and the one of the domain it is an alias of), then the provider's shared
 * items ({@code DAV#}, then {@code PROVIDER} and {@code SERVER#}). No other domain's item and no
 * mailbox's item is read; a mailbox's item is read by its key when an address is asked about.
 */
public final class DynamoDbConfigStore implements ConfigStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConfigStore.class);

    private final DynamoDbClient client;
    private final String tableName;
    /**
     * Until a first query has been answered, queries get the longer time limits of a cold start.
     * Priming reads through an instance of its own, so the serving one keeps them after a SnapStart
     * restore too, where the first query opens its connection anew.
     */
    private volatile boolean answeredOnce;

    public DynamoDbConfigStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Optional<DomainConfig> find(String domain) {
        return reading("a domain", () -> {
            Optional<String> partition = providerPartitionOf(domain);
            if (partition.isEmpty()) {
                return Optional.empty();
            }
            String pk = partition.get();
            List<ItemReader.Problem> problems = new ArrayList<>();
            Optional<Domain> found = domainItem(pk, domain, problems);
            if (found.isEmpty()) {
                report(problems);
                return Optional.empty();
            }
            Optional<Domain> aliasTarget = found.get().aliasOf().filter(target -> !target.equals(domain))
                    .flatMap(target -> domainItem(pk, target, problems));
            List<Map<String, AttributeValue>> shared = new ArrayList<>(all(Queries.davServers(tableName, pk)));
            shared.addAll(all(Queries.providerAndServers(tableName, pk)));
            ItemReader.Result provider = ItemReader.read(pk.substring(PROVIDER_PREFIX.length()), shared);
            problems.addAll(provider.problems());
            report(problems);
            return Optional.of(new DomainConfig(found.get(), aliasTarget, provider.config()));
        });
    }

    @Override
    public Optional<UserSettings> mailbox(DomainConfig config, EmailAddress address) {
        return reading("a mailbox", () -> {
            String pk = ItemWriter.partitionKey(config.provider().provider().id());
            List<ItemReader.Problem> problems = new ArrayList<>();
            Optional<UserSettings> settings = item(pk, USER_PREFIX + address.key()).flatMap(item -> ItemReader.user(item, problems));
            // The item's key is the address: only the partition and the reason reach the log.
            problems.forEach(problem -> LOG.warn("skipped a malformed mailbox item in {}: {}", problem.pk(), problem.message()));
            return settings;
        });
    }

    private <T> T reading(String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (SdkException e) {
            // The message names neither the domain nor the address: it may reach a log.
            throw new StoreUnavailableException("DynamoDB did not answer reading " + what, e);
        }
    }

    private Optional<String> providerPartitionOf(String domain) {
        QueryResponse response = query(Queries.partitionsHolding(tableName, DOMAIN_PREFIX + domain));
        return response.items().stream()
                .map(item -> item.get(PARTITION_KEY))
                .filter(value -> value != null && value.s() != null && value.s().startsWith(PROVIDER_PREFIX))
                .map(AttributeValue::s)
                .findFirst();
    }

    private Optional<Domain> domainItem(String pk, String domain, List<ItemReader.Problem> problems) {
        return item(pk, DOMAIN_PREFIX + domain).flatMap(item -> ItemReader.domain(item, problems));
    }

    private Optional<Map<String, AttributeValue>> item(String pk, String sk) {
        return query(Queries.item(tableName, pk, sk)).items().stream().findFirst();
    }

    /** Every page of a query over a provider's shared items (one page unless they exceed 1 MB). */
    private List<Map<String, AttributeValue>> all(QueryRequest query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = query(query.toBuilder().exclusiveStartKey(startKey).build());
            items.addAll(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    private QueryResponse query(QueryRequest request) {
        if (answeredOnce) {
            return client.query(request);
        }
        QueryResponse response = client.query(request.toBuilder().overrideConfiguration(DynamoDbClients.firstCall()).build());
        answeredOnce = true;
        return response;
    }

    private static void report(List<ItemReader.Problem> problems) {
        problems.forEach(problem -> LOG.warn("skipped malformed {}", problem));
    }
}
