package io.mailconfig;

import io.mailconfig.http.Route;
import io.mailconfig.http.Router;
import io.mailconfig.protocol.autoconfig.MozillaAutoconfig;
import io.mailconfig.protocol.autodiscover.MicrosoftAutodiscover;
import io.mailconfig.store.ConfigStore;
import java.util.ArrayList;
import java.util.List;

/** Every protocol mailconfig speaks, plugged into the one router. A new protocol adds its routes here. */
public final class Protocols {

    private Protocols() {
    }

    public static Router router(ConfigStore store) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new MozillaAutoconfig(store).routes());
        routes.addAll(new MicrosoftAutodiscover(store).routes());
        return new Router(routes);
    }
}
