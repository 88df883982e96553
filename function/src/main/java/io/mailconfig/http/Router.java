package io.mailconfig.http;

import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one router: finds the route for a request, answers 404 and 405 itself, and adds the headers
 * every response carries. A failure inside an endpoint becomes a bare 500, never a stack trace.
 */
public final class Router {

    /** The protocol name reported for requests that match no route. */
    public static final String NO_ROUTE = "none";

    /** Told of every answer, e.g. to count it; must not throw. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (protocol, request, response) -> { };

        void answered(String protocol, Request request, Response response);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;
    private final Listener listener;

    public Router(List<Route> routes) {
        this(routes, Listener.NONE);
    }

    public Router(List<Route> routes, Listener listener) {
        this.routes = List.copyOf(routes);
        this.listener = listener;
    }

    public List<Route> routes() {
        return routes;
    }

    /** The same routes, reporting to another listener. */
    public Router withListener(Listener other) {
        return new Router(routes, other);
    }

    public Response route(Request request) {
        Route route = null;
        Response response;
        try {
            route = find(request);
            response = dispatch(route, request);
        } catch (RuntimeException e) {
            LOG.error("unhandled failure for {} {}", request.method(), request.path(), e);
            response = Response.text(500, "internal error");
        }
        response = secure(response);
        listener.answered(route == null ? NO_ROUTE : route.protocol(), request, response);
        return response;
    }

    private Route find(Request request) {
        Route pathOnly = null;
        for (Route route : routes) {
            if (route.matches(request.path())) {
                if (route.methods().contains(request.method())) {
                    return route;
                }
                pathOnly = pathOnly == null ? route : pathOnly;
            }
        }
        return pathOnly;
    }

    private Response dispatch(Route route, Request request) {
        if (route == null) {
            return Response.text(404, "not found");
        }
        if (!route.methods().contains(request.method())) {
            TreeSet<String> allowed = new TreeSet<>();
            routes.stream().filter(r -> r.matches(request.path())).forEach(r -> allowed.addAll(r.methods()));
            return Response.text(405, "method not allowed").withHeader("Allow", String.join(", ", allowed));
        }
        Response response = route.endpoint().handle(request);
        return "HEAD".equals(request.method()) ? withoutBody(response) : response;
    }

    private static Response withoutBody(Response response) {
        return new Response(response.status(), response.headers(), new byte[0]);
    }

    private static Response secure(Response response) {
        return response.withHeader("X-Content-Type-Options", "nosniff");
    }
}
