package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.http.Outcome;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.infra.ApiRoutes.RouteKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    private static final io.mailconfig.http.Endpoint NONE = request -> Response.text(Outcome.FOUND, 200, "ok");

    @Test
    void everyRouteOfTheRouterIsRoutedForEachOfItsMethods() {
        List<Route> routes = ApiRoutes.fromRouter();
        List<RouteKey> keys = ApiRoutes.keys(routes);

        assertThat(routes).isNotEmpty();
        for (Route route : routes) {
            for (String method : route.methods()) {
                RouteKey key = new RouteKey(method, route.path());
                if (route.path().length() > 1 && route.path().endsWith("/")) {
                    assertThat(keys).as("API Gateway refuses a trailing slash; $default carries it").doesNotContain(key);
                } else {
                    assertThat(keys).contains(key);
                }
            }
        }
        assertThat(keys).contains(new RouteKey("GET", "/mail/config-v1.1.xml"), new RouteKey("HEAD", "/mail/config-v1.1.xml"),
                new RouteKey("GET", "/.well-known/autoconfig/mail/config-v1.1.xml"));
    }

    @Test
    void aPrefixRouteAlsoRoutesEverythingBelowIt() {
        List<RouteKey> keys = ApiRoutes.keys(List.of(
                new Route("autodiscover", "/autodiscover/autodiscover.json", true, true, Set.of("GET"), NONE),
                new Route("setup", "/", false, true, Set.of("GET"), NONE)));

        assertThat(keys).containsExactly(
                new RouteKey("GET", "/"),
                new RouteKey("GET", "/autodiscover/autodiscover.json"),
                new RouteKey("GET", "/autodiscover/autodiscover.json/{proxy+}"),
                new RouteKey("GET", "/{proxy+}"));
    }

    @Test
    void pathsSharedByTwoRoutesAreRoutedOnce() {
        List<RouteKey> keys = ApiRoutes.keys(List.of(
                new Route("one", "/same", false, false, Set.of("GET", "POST"), NONE),
                new Route("two", "/same", true, false, Set.of("POST"), NONE)));

        assertThat(keys).containsExactly(new RouteKey("GET", "/same"), new RouteKey("POST", "/same"));
    }

    @Test
    void theStoreBehindTheRouteTableIsNeverAsked() {
        Route route = ApiRoutes.fromRouter().getFirst();
        io.mailconfig.http.Request request = new io.mailconfig.http.Request("GET", route.path(),
                java.util.Map.of("emailaddress", "alice@example.com"), java.util.Map.of(), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> route.endpoint().handle(request))
                .hasMessageContaining("only reads the route table");
    }
}
