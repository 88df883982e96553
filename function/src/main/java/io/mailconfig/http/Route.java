package io.mailconfig.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A path (or path prefix) and the methods it answers.
 *
 * @param protocol   which protocol answers here, e.g. {@code autoconfig}; names metrics and logs
 * @param path       the path as documented, e.g. {@code /mail/config-v1.1.xml}
 * @param ignoreCase whether clients may spell the path in any letter case (Autodiscover)
 * @param prefix     whether the route also answers paths below {@code path}
 */
public record Route(String protocol, String path, boolean ignoreCase, boolean prefix, Set<String> methods, Endpoint endpoint) {

    public Route {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(path, "path");
        methods = Set.copyOf(methods);
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public static Route get(String protocol, String path, Endpoint endpoint) {
        return new Route(protocol, path, false, false, Set.of("GET", "HEAD"), endpoint);
    }

    public boolean matches(String requestPath) {
        String candidate = ignoreCase ? requestPath.toLowerCase(Locale.ROOT) : requestPath;
        String expected = ignoreCase ? path.toLowerCase(Locale.ROOT) : path;
        if (candidate.equals(expected)) {
            return true;
        }
        return prefix && candidate.startsWith(expected.endsWith("/") ? expected : expected + "/");
    }
}
