package io.mailconfig.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A CalDAV or CardDAV server.
 *
 * @param url      the https URL clients start from, as stored: its path may hold the placeholders of
 *                 {@link UsernameTemplate} ({@code https://dav.example.com/%EMAILADDRESS%/}), its
 *                 scheme, host and port may not. {@link #url(EmailAddress)} gives it for one address.
 * @param username the username template, as for mail servers
 */
public record DavServer(DavType type, String url, String username, int priority) {

    public DavServer {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        url = checkedUrl(url);
    }

    /** A DAV server whose URL is the same for every mailbox. */
    public DavServer(DavType type, URI url, String username, int priority) {
        this(type, url.toString(), username, priority);
    }

    /**
     * The URL, stripped, if it is an https URL with a host whose placeholders (if any) are all in
     * its path; otherwise IllegalArgumentException saying why.
     */
    public static String checkedUrl(String url) {
        String text = url.strip();
        URI probe;
        try {
            probe = URI.create(UsernameTemplate.expandInUrl(text, UsernameTemplate.SAMPLE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + text);
        }
        if (probe.getHost() == null || !"https".equalsIgnoreCase(probe.getScheme()) || probe.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a DAV server needs an https URL with a host: " + text);
        }
        int authorityEnd = text.indexOf('/', text.indexOf("://") + 3);
        String origin = authorityEnd < 0 ? text : text.substring(0, authorityEnd);
        if (UsernameTemplate.hasPlaceholder(origin) || UsernameTemplate.hasPlaceholder(
                probe.getRawQuery() == null ? "" : text.substring(text.indexOf('?')))) {
            throw new IllegalArgumentException("placeholders may stand only in the path of a DAV URL: " + text);
        }
        return text;
    }

    /** Whether the URL differs from mailbox to mailbox. */
    public boolean hasPlaceholders() {
        return UsernameTemplate.hasPlaceholder(url);
    }

    /** The URL when it is the same for every mailbox; empty when its path holds placeholders. */
    public Optional<URI> sharedUrl() {
        return hasPlaceholders() ? Optional.empty() : Optional.of(URI.create(url));
    }

    /** The URL for one address: each placeholder replaced by that address's value, percent-encoded for a path. */
    public URI url(EmailAddress address) {
        return URI.create(UsernameTemplate.expandInUrl(url, address));
    }

    public String host() {
        return origin().getHost().toLowerCase(Locale.ROOT);
    }

    /** The URL's port, or 443 when it names none. */
    public int port() {
        int port = origin().getPort();
        return port == -1 ? 443 : port;
    }

    private URI origin() {
        return URI.create(UsernameTemplate.expandInUrl(url, UsernameTemplate.SAMPLE));
    }
}
