package io.mailconfig;

import io.mailconfig.http.Route;
import io.mailconfig.http.Router;
import io.mailconfig.protocol.Lookup;
import io.mailconfig.protocol.autoconfig.MozillaAutoconfig;
import io.mailconfig.protocol.autodiscover.MicrosoftAutodiscover;
import io.mailconfig.protocol.mobileconfig.AppleMobileconfig;
import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.protocol.mtasts.MtaSts;
import io.mailconfig.protocol.pacc.Pacc;
import io.mailconfig.protocol.setup.SetupPage;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root: every protocol plugged into the one router, and the table behind the
 * cache. Lambda, the local server, the benchmarks and the CDK app (for the route table) are all
 * wired here. A new protocol adds its routes in {@link #router} and its sample requests to
 * {@code events/samples/}; priming, the benchmarks, the load scripts and the API routes follow.
 */
public final class Mailconfig {

    private Mailconfig() {
    }

    /** @param profileSigner signs Apple profiles when present */
    public static Router router(ConfigStore store, Optional<ProfileSigner> profileSigner) {
        Lookup lookup = new Lookup(store);
        AppleMobileconfig profiles = new AppleMobileconfig(lookup, profileSigner);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new MozillaAutoconfig(lookup).routes());
        routes.addAll(new MicrosoftAutodiscover(lookup).routes());
        routes.addAll(profiles.routes());
        routes.addAll(new SetupPage(lookup, profiles).routes());
        routes.addAll(new Pacc(lookup).routes());
        routes.addAll(new MtaSts(lookup).routes());
        return new Router(routes);
    }

    /** The table, read directly: every call is a DynamoDB read. */
    public static ConfigStore table(DynamoDbClient client, Settings settings) {
        return new DynamoDbConfigStore(client, settings.tableName());
    }

    /** The table behind the cache, as every running mailconfig reads it. */
    public static ConfigStore store(DynamoDbClient client, Settings settings) {
        return new CachingConfigStore(table(client, settings), settings.cacheTtl());
    }
}
