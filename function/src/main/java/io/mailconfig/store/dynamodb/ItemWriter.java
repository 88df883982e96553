package io.mailconfig.store.dynamodb;

import static io.mailconfig.store.dynamodb.Table.Attributes.ACCENT_COLOR;
import static io.mailconfig.store.dynamodb.Table.Attributes.ACTIVE_SYNC_URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.ALIAS_OF;
import static io.mailconfig.store.dynamodb.Table.Attributes.AUTHENTICATION;
import static io.mailconfig.store.dynamodb.Table.Attributes.DISPLAY_NAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.DOCUMENTATION_URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.HOSTNAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.JMAP_URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.LOGIN_NAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.LOGO_URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.MTA_STS_MAX_AGE;
import static io.mailconfig.store.dynamodb.Table.Attributes.MTA_STS_MODE;
import static io.mailconfig.store.dynamodb.Table.Attributes.MTA_STS_MX;
import static io.mailconfig.store.dynamodb.Table.Attributes.NAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.OAUTH_ISSUER;
import static io.mailconfig.store.dynamodb.Table.Attributes.PORT;
import static io.mailconfig.store.dynamodb.Table.Attributes.PRIORITY;
import static io.mailconfig.store.dynamodb.Table.Attributes.SHORT_NAME;
import static io.mailconfig.store.dynamodb.Table.Attributes.SOCKET_TYPE;
import static io.mailconfig.store.dynamodb.Table.Attributes.TLS_REPORT_ADDRESS;
import static io.mailconfig.store.dynamodb.Table.Attributes.TYPE;
import static io.mailconfig.store.dynamodb.Table.Attributes.URL;
import static io.mailconfig.store.dynamodb.Table.Attributes.USERNAME;

import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.Domain;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.Provider;
import io.mailconfig.model.ProviderServices;
import io.mailconfig.model.UserSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns the model into table items, the reverse of {@link ItemReader}: what {@code ItemReader.read}
 * gives back from these items is what was written. Optional values that are absent are left out.
 */
public final class ItemWriter {

    private ItemWriter() {
    }

    public static String partitionKey(String providerId) {
        return Table.PROVIDER_PREFIX + providerId;
    }

    /** An item: its key, then its attributes in the order given. */
    public static Map<String, AttributeValue> item(String pk, String sk, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(Table.PARTITION_KEY, AttributeValue.fromS(pk));
        item.put(Table.SORT_KEY, AttributeValue.fromS(sk));
        item.putAll(attributes);
        return item;
    }

    public static Map<String, AttributeValue> provider(Provider provider) {
        return provider(provider, ProviderServices.NONE);
    }

    /** The provider item, with what the provider publishes besides its servers. */
    public static Map<String, AttributeValue> provider(Provider provider, ProviderServices services) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(NAME, AttributeValue.fromS(provider.name()));
        attributes.put(SHORT_NAME, AttributeValue.fromS(provider.shortName()));
        provider.documentationUrl().ifPresent(url -> attributes.put(DOCUMENTATION_URL, AttributeValue.fromS(url.toString())));
        provider.logoUrl().ifPresent(url -> attributes.put(LOGO_URL, AttributeValue.fromS(url.toString())));
        provider.accentColor().ifPresent(color -> attributes.put(ACCENT_COLOR, AttributeValue.fromS(color)));
        services.jmapUrl().ifPresent(url -> attributes.put(JMAP_URL, AttributeValue.fromS(url.toString())));
        services.oauthIssuer().ifPresent(url -> attributes.put(OAUTH_ISSUER, AttributeValue.fromS(url.toString())));
        services.mtaSts().ifPresent(policy -> {
            attributes.put(MTA_STS_MODE, AttributeValue.fromS(policy.mode().id()));
            attributes.put(MTA_STS_MX, AttributeValue.fromL(policy.mx().stream().map(AttributeValue::fromS).toList()));
            attributes.put(MTA_STS_MAX_AGE, AttributeValue.fromN(Long.toString(policy.maxAge())));
        });
        if (!services.tlsReports().isEmpty()) {
            attributes.put(TLS_REPORT_ADDRESS, AttributeValue.fromL(services.tlsReports().stream()
                    .map(uri -> AttributeValue.fromS(uri.toString())).toList()));
        }
        return item(partitionKey(provider.id()), Table.PROVIDER_SORT_KEY, attributes);
    }

    public static Map<String, AttributeValue> domain(String providerId, Domain domain) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        domain.aliasOf().ifPresent(target -> attributes.put(ALIAS_OF, AttributeValue.fromS(target)));
        domain.activeSyncUrl().ifPresent(url -> attributes.put(ACTIVE_SYNC_URL, AttributeValue.fromS(url.toString())));
        return item(partitionKey(providerId), Table.DOMAIN_PREFIX + domain.name(), attributes);
    }

    /** @param id the rest of the sort key, {@code SERVER#<id>} */
    public static Map<String, AttributeValue> server(String providerId, String id, MailServer server) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(TYPE, AttributeValue.fromS(server.type().id()));
        attributes.put(HOSTNAME, AttributeValue.fromS(server.hostname()));
        attributes.put(PORT, AttributeValue.fromN(Integer.toString(server.port())));
        attributes.put(SOCKET_TYPE, AttributeValue.fromS(server.socketType().name()));
        attributes.put(AUTHENTICATION, AttributeValue.fromL(server.authentication().stream()
                .map(Authentication::id).map(AttributeValue::fromS).toList()));
        attributes.put(USERNAME, AttributeValue.fromS(server.username()));
        attributes.put(PRIORITY, AttributeValue.fromN(Integer.toString(server.priority())));
        return item(partitionKey(providerId), Table.SERVER_PREFIX + id, attributes);
    }

    /** @param id the rest of the sort key, {@code DAV#<id>} */
    public static Map<String, AttributeValue> dav(String providerId, String id, DavServer dav) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(TYPE, AttributeValue.fromS(dav.type().id()));
        attributes.put(URL, AttributeValue.fromS(dav.url()));
        attributes.put(USERNAME, AttributeValue.fromS(dav.username()));
        attributes.put(PRIORITY, AttributeValue.fromN(Integer.toString(dav.priority())));
        return item(partitionKey(providerId), Table.DAV_PREFIX + id, attributes);
    }

    public static Map<String, AttributeValue> user(String providerId, UserSettings user) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        user.loginName().ifPresent(name -> attributes.put(LOGIN_NAME, AttributeValue.fromS(name)));
        user.displayName().ifPresent(name -> attributes.put(DISPLAY_NAME, AttributeValue.fromS(name)));
        return item(partitionKey(providerId), Table.USER_PREFIX + user.address(), attributes);
    }
}
