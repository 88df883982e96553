package io.mailconfig.model;

import java.net.URI;
import java.util.Objects;

/**
 * A CalDAV or CardDAV server.
 *
 * @param url      the https URL clients start from (host, port and path are derived from it)
 * @param username the username template, as for mail servers
 */
public record DavServer(DavType type, URI url, String username, int priority) {

    public DavServer {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        if (url.getHost() == null || !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("a DAV server needs an https URL with a host");
        }
    }

    public String host() {
        return url.getHost();
    }

    /** The URL's port, or 443 when it names none. */
    public int port() {
        return url.getPort() == -1 ? 443 : url.getPort();
    }

    /** The URL's path, or "/" when it has none. */
    public String path() {
        String path = url.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
