package io.mailconfig;

import io.mailconfig.http.Route;
import io.mailconfig.http.Router;
import io.mailconfig.protocol.autoconfig.MozillaAutoconfig;
import io.mailconfig.protocol.autodiscover.MicrosoftAutodiscover;
import io.mailconfig.protocol.mobileconfig.AppleMobileconfig;
import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.protocol.setup.SetupPage;
import io.mailconfig.store.ConfigStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every protocol mailconfig speaks, plugged into the one router. A new protocol adds its routes here. */
public final class Protocols {

    private Protocols() {
    }

    /** Apple profiles go out unsigned. */
    public static Router router(ConfigStore store) {
        return router(store, Optional.empty());
    }

    /** @param profileSigner signs Apple profiles when present */
    public static Router router(ConfigStore store, Optional<ProfileSigner> profileSigner) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new MozillaAutoconfig(store).routes());
        routes.addAll(new MicrosoftAutodiscover(store).routes());
        routes.addAll(new AppleMobileconfig(store, profileSigner).routes());
        routes.addAll(new SetupPage(store).routes());
        return new Router(routes);
    }
}
