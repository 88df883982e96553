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

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    public Response route(Request request) {
        Response response;
        try {
            response = dispatch(request);
        } catch (RuntimeException e) {
            LOG.error("unhandled failure for {} {}", request.method(), request.path(), e);
            response = Response.text(500, "internal error");
        }
        return secure(response);
    }

    private Response dispatch(Request request) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (!route.matches(request.path())) {
                continue;
            }
            if (route.methods().contains(request.method())) {
                Response response = route.endpoint().handle(request);
                return "HEAD".equals(request.method()) ? withoutBody(response) : response;
            }
            allowed.addAll(route.methods());
        }
        if (allowed.isEmpty()) {
            return Response.text(404, "not found");
        }
        return Response.text(405, "method not allowed").withHeader("Allow", String.join(", ", allowed));
    }

    private static Response withoutBody(Response response) {
        return new Response(response.status(), response.headers(), new byte[0]);
    }

    private static Response secure(Response response) {
        return response.withHeader("X-Content-Type-Options", "nosniff");
    }
}
