package io.mailconfig.store.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The table's layout, in one place (docs/table-design.md explains it for people): its keys, the
 * index that finds a domain's provider, the kinds of item and every attribute name. One partition
 * per provider holds everything about it.
 *
 * <pre>
 * pk                 sk                          what
 * PROVIDER#example   PROVIDER                    name, shortName, documentationUrl, logoUrl, accentColor,
 *                                                jmapUrl, oauthIssuer, mtaStsMode, mtaStsMx, mtaStsMaxAge, tlsReportAddress
 * PROVIDER#example   DOMAIN#example.com          aliasOf, activeSyncUrl (both optional)
 * PROVIDER#example   SERVER#&lt;any id&gt;             type, hostname, port, socketType, authentication, username, priority
 * PROVIDER#example   DAV#&lt;any id&gt;                type, url, username, priority
 * PROVIDER#example   USER#alice@example.com      loginName, displayName (both optional)
 * </pre>
 *
 * Sort keys are ordered {@code DAV#} &lt; {@code DOMAIN#} &lt; {@code PROVIDER} &lt; {@code SERVER#}
 * &lt; {@code USER#}, so the shared items of a provider are two ranges that hold no domain and no
 * mailbox. {@link ItemReader} turns items into the model, {@link ItemWriter} the model into items,
 * {@link Queries} holds the reads the function and the data tool make.
 */
public final class Table {

    public static final String DEFAULT_NAME = "mailconfig";
    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    /** Partition key sk, sort key pk, keys only: finds the provider partition that holds {@code DOMAIN#<name>}. */
    public static final String INVERTED_INDEX = "inverted";

    /** A global secondary index that projects only the keys. */
    public record Index(String name, String partitionKey, String sortKey) {
    }

    /**
     * The key schema, the one definition both the SDK's create-table request below and the CDK
     * table of the deployment are built from. Every key is a string; billing is on demand.
     */
    public record KeySchema(String partitionKey, String sortKey, List<Index> indexes) {
    }

    /**
     * What the table's stream carries of a changed item: its keys, all the DNS updater needs to
     * know which domains to look at again (it reads their configuration itself).
     */
    public static final StreamViewType STREAM_VIEW_TYPE = StreamViewType.KEYS_ONLY;

    public static final KeySchema KEY_SCHEMA = new KeySchema(PARTITION_KEY, SORT_KEY,
            List.of(new Index(INVERTED_INDEX, SORT_KEY, PARTITION_KEY)));

    public static final String PROVIDER_PREFIX = "PROVIDER#";
    public static final String PROVIDER_SORT_KEY = "PROVIDER";
    public static final String DOMAIN_PREFIX = "DOMAIN#";
    public static final String SERVER_PREFIX = "SERVER#";
    public static final String DAV_PREFIX = "DAV#";
    public static final String USER_PREFIX = "USER#";
    /**
     * Just above every {@code SERVER#...} sort key ('$' follows '#') and below {@code USER#}: the
     * provider's shared items are read as the range {@code PROVIDER} to this, and never its mailboxes.
     */
    public static final String SERVER_RANGE_END = "SERVER$";

    /** Attribute names, by the item that holds them. */
    public static final class Attributes {
        // PROVIDER
        public static final String NAME = "name";
        public static final String SHORT_NAME = "shortName";
        public static final String DOCUMENTATION_URL = "documentationUrl";
        public static final String LOGO_URL = "logoUrl";
        public static final String ACCENT_COLOR = "accentColor";
        public static final String JMAP_URL = "jmapUrl";
        public static final String OAUTH_ISSUER = "oauthIssuer";
        public static final String MTA_STS_MODE = "mtaStsMode";
        public static final String MTA_STS_MX = "mtaStsMx";
        public static final String MTA_STS_MAX_AGE = "mtaStsMaxAge";
        public static final String TLS_REPORT_ADDRESS = "tlsReportAddress";
        // DOMAIN#
        public static final String ALIAS_OF = "aliasOf";
        public static final String ACTIVE_SYNC_URL = "activeSyncUrl";
        // SERVER# and DAV#
        public static final String TYPE = "type";
        public static final String HOSTNAME = "hostname";
        public static final String PORT = "port";
        public static final String SOCKET_TYPE = "socketType";
        public static final String AUTHENTICATION = "authentication";
        public static final String URL = "url";
        public static final String USERNAME = "username";
        public static final String PRIORITY = "priority";
        // USER#
        public static final String LOGIN_NAME = "loginName";
        public static final String DISPLAY_NAME = "displayName";

        /** Every attribute mailconfig reads, in the order of docs/table-design.md. */
        public static final List<String> ALL = List.of(NAME, SHORT_NAME, DOCUMENTATION_URL, LOGO_URL, ACCENT_COLOR,
                JMAP_URL, OAUTH_ISSUER, MTA_STS_MODE, MTA_STS_MX, MTA_STS_MAX_AGE, TLS_REPORT_ADDRESS, ALIAS_OF, ACTIVE_SYNC_URL, TYPE, HOSTNAME, URL, PORT, SOCKET_TYPE, AUTHENTICATION, USERNAME, PRIORITY, LOGIN_NAME, DISPLAY_NAME);

        private Attributes() {
        }
    }

    private Table() {
    }

    /** Whether an item of a provider's partition is of a kind the function reads (its sort key). */
    public static boolean isKnownKind(String sortKey) {
        return sortKey.equals(PROVIDER_SORT_KEY) || sortKey.startsWith(DOMAIN_PREFIX) || sortKey.startsWith(SERVER_PREFIX)
                || sortKey.startsWith(DAV_PREFIX) || sortKey.startsWith(USER_PREFIX);
    }

    /** The request that creates the table, used by the local run, the tests and the data tool. */
    public static CreateTableRequest createRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringKey(KEY_SCHEMA.partitionKey()), stringKey(KEY_SCHEMA.sortKey()))
                .keySchema(keys(KEY_SCHEMA.partitionKey(), KEY_SCHEMA.sortKey()))
                .globalSecondaryIndexes(KEY_SCHEMA.indexes().stream().map(index -> GlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(keys(index.partitionKey(), index.sortKey()))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build()).toList())
                .build();
    }

    private static AttributeDefinition stringKey(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static List<KeySchemaElement> keys(String partitionKey, String sortKey) {
        return List.of(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
    }
}
