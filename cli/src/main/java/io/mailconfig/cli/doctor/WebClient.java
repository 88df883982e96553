package io.mailconfig.cli.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP requests as a mail client sends them to {@code https://<host>/...}: the TLS name and the
 * Host header are the client's, while the connection goes to the address the doctor's own resolver
 * found, or, with a base URL, to that address instead (as {@code curl --connect-to} does). No
 * redirects are followed and nothing is retried, so every answer is the server's own.
 */
final class WebClient implements AutoCloseable {

    /** Enough for any answer mailconfig gives; a larger body is cut, which the readers then report. */
    static final int MAX_BODY_BYTES = 1 << 20;

    /** One response. */
    record Answer(int status, Optional<String> contentType, byte[] body, List<Header> headers) {

        /** The media type without parameters, in lower case. */
        String mediaType() {
            return contentType.map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        }

        /** The body's start, for a report: one line, at most 120 characters. */
        String excerpt() {
            String text = new String(body, 0, Math.min(body.length, 400), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ").strip();
            return text.length() > 120 ? text.substring(0, 117) + "..." : text;
        }
    }

    private final Optional<URI> baseUrl;
    private final DnsClient dns;
    private final CloseableHttpClient client;

    WebClient(Optional<URI> baseUrl, DnsClient dns, boolean anyCertificate, Duration timeout) {
        this.baseUrl = baseUrl;
        this.dns = dns;
        SSLContext context;
        try {
            context = anyCertificate ? SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build()
                    : SSLContexts.createSystemDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's TLS cannot be set up: " + e.getMessage(), e);
        }
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(context))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setConnectionRequestTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .setUserAgent("mailconfig-doctor")
                .build();
    }

    Answer get(String host, String pathAndQuery) throws IOException {
        return send(new BasicClassicHttpRequest("GET", pathAndQuery), host);
    }

    Answer post(String host, String path, ContentType type, byte[] body) throws IOException {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("POST", path);
        request.setEntity(new ByteArrayEntity(body, type));
        return send(request, host);
    }

    /** Where the request for {@code host} connects: the base URL's address, or the host's first address in DNS. */
    HttpHost connection(String host) throws IOException {
        if (baseUrl.isPresent()) {
            URI base = baseUrl.get();
            InetAddress address = InetAddress.getByName(base.getHost());
            int port = base.getPort() != -1 ? base.getPort() : base.getScheme().equals("https") ? 443 : 80;
            return new HttpHost(base.getScheme(), InetAddress.getByAddress(host, address.getAddress()), host, port);
        }
        List<InetAddress> addresses = dns.addresses(host);
        if (addresses.isEmpty()) {
            throw new IOException(host + " has no address in DNS");
        }
        return new HttpHost("https", addresses.getFirst(), host, 443);
    }

    private Answer send(BasicClassicHttpRequest request, String host) throws IOException {
        HttpHost target = connection(host);
        request.setScheme(target.getSchemeName());
        request.setAuthority(new URIAuthority(host));
        return client.execute(target, request, response -> {
            HttpEntity entity = response.getEntity();
            byte[] body;
            if (entity == null) {
                body = new byte[0];
            } else {
                try (InputStream in = entity.getContent()) {
                    body = in.readNBytes(MAX_BODY_BYTES);
                }
            }
            return new Answer(response.getCode(), Optional.ofNullable(response.getFirstHeader("Content-Type")).map(Header::getValue),
                    body, List.of(response.getHeaders()));
        });
    }

    /** Whether requests go over plain HTTP (a base URL of a local server), so there is no TLS to check. */
    boolean plainHttp() {
        return baseUrl.filter(url -> url.getScheme().equals("http")).isPresent();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
