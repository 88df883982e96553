package io.mailconfig.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one router: refuses oversized requests before any protocol sees them (414, 431), finds the
 * route for a request, answers 404 and 405 itself, and adds the headers every response carries. A
 * failure inside an endpoint becomes a bare 500, never a stack trace. Answers never carry CORS
 * headers: no browser page on another origin may read them.
 */
public final class Router {

    /** The protocol name reported for requests that match no route. */
    public static final String NO_ROUTE = "none";

    /** Told of every answer, e.g. to count it by {@link Response#outcome()}; must not throw. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (protocol, request, response) -> { };

        void answered(String protocol, Request request, Response response);
    }

    /** Path plus the query string as sent, in characters; a real client's request is far below. */
    public static final int MAX_URI_CHARS = 4096;
    /** All header names and values together, in characters. */
    public static final int MAX_HEADER_CHARS = 16384;

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
            Response refused = refuseOversized(request);
            if (refused != null) {
                response = refused;
            } else {
                route = find(request);
                response = dispatch(route, request);
            }
        } catch (RuntimeException e) {
            // Neither the path nor any exception message is logged: either may hold the mail address asked about.
            LOG.error("unhandled failure in {} answering {}", route == null ? NO_ROUTE : route.protocol(), request.method(),
                    withoutMessages(e));
            response = Response.text(Outcome.ERROR, 500, "internal error");
        }
        response = secure("HEAD".equals(request.method()) ? withoutBody(response) : response);
        listener.answered(route == null ? NO_ROUTE : route.protocol(), request, response);
        return response;
    }

    /** The failure's classes and stack traces, causes included, without their messages. */
    static Throwable withoutMessages(Throwable failure) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure ? null : withoutMessages(failure.getCause());
        Throwable copy = new MessageWithheld(failure.getClass().getName(), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands in for a failure in the log: its class name and stack trace, not its message. */
    private static final class MessageWithheld extends Throwable {
        MessageWithheld(String failureClass, Throwable cause) {
            super(failureClass, cause, false, true);
        }
    }

    private static Response refuseOversized(Request request) {
        long uri = (long) request.path().length() + request.queryLength();
        if (uri > MAX_URI_CHARS) {
            return Response.text(Outcome.BAD_REQUEST, 414, "request too long");
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > MAX_HEADER_CHARS) {
            return Response.text(Outcome.BAD_REQUEST, 431, "request headers too large");
        }
        return null;
    }

    /** The protocol that answers a request: its route's, or {@link #NO_ROUTE}. */
    public String protocolOf(Request request) {
        Route route = find(request);
        return route == null ? NO_ROUTE : route.protocol();
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
            return Response.text(Outcome.BAD_REQUEST, 404, "not found");
        }
        if (!route.methods().contains(request.method())) {
            TreeSet<String> allowed = new TreeSet<>();
            routes.stream().filter(r -> r.matches(request.path())).forEach(r -> allowed.addAll(r.methods()));
            return Response.text(Outcome.BAD_REQUEST, 405, "method not allowed").withHeader("Allow", String.join(", ", allowed));
        }
        return route.endpoint().handle(request);
    }

    private static Response withoutBody(Response response) {
        return new Response(response.status(), response.headers(), new byte[0], response.outcome());
    }

    private static Response secure(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                headers.put(name, value);
            }
        });
        headers.put("X-Content-Type-Options", "nosniff");
        return new Response(response.status(), headers, response.body(), response.outcome());
    }
}
