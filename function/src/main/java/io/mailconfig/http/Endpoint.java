package io.mailconfig.http;

/** What answers the requests of one route. */
@FunctionalInterface
public interface Endpoint {
    Response handle(Request request);
}
