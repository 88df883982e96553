package io.mailconfig.infra;

import io.mailconfig.Mailconfig;
import io.mailconfig.http.Route;
import io.mailconfig.store.ConfigStore;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API Gateway routes, taken from the function's own router so that a protocol added there is
 * routed here without a change to the infrastructure.
 */
public final class ApiRoutes {

    /** One API Gateway route key: a method and a path, e.g. {@code GET /mail/config-v1.1.xml}. */
    public record RouteKey(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ApiRoutes() {
    }

    /** The router's routes; the store behind them is never asked, only the route table is read. */
    public static List<Route> fromRouter() {
        ConfigStore neverCalled = domain -> {
            throw new IllegalStateException("the infrastructure only reads the route table");
        };
        return Mailconfig.router(neverCalled, Optional.empty()).routes();
    }

    /**
     * Route keys for every route and method, in a stable order. A prefix route also gets a greedy
     * {@code {proxy+}} route below its path. A case-insensitive route is listed in its documented
     * spelling only: API Gateway matches paths case-sensitively and cannot list every spelling, so
     * the other spellings reach the function through the {@code $default} route (see ServiceStack).
     * API Gateway refuses route paths ending in a slash ({@code /mobileconfig/}); those also arrive
     * through {@code $default}.
     */
    public static List<RouteKey> keys(List<Route> routes) {
        Set<RouteKey> keys = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.path().length() > 1 && route.path().endsWith("/")) {
                continue;
            }
            for (String method : route.methods().stream().sorted().toList()) {
                keys.add(new RouteKey(method, route.path()));
                if (route.prefix()) {
                    keys.add(new RouteKey(method, (route.path().endsWith("/") ? route.path() : route.path() + "/") + "{proxy+}"));
                }
            }
        }
        return keys.stream().sorted(Comparator.comparing(RouteKey::path).thenComparing(RouteKey::method)).toList();
    }
}
