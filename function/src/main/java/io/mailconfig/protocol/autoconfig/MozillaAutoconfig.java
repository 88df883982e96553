package io.mailconfig.protocol.autoconfig;

import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.DomainNames;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.EmailAddress.InvalidAddressException;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Mozilla Autoconfig (Thunderbird, K-9 / Thunderbird for Android, Evolution, KMail, Delta Chat).
 *
 * <p>Clients ask {@code https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=<address>} or
 * the well-known path on the domain itself. Several clients send no address; the domain then comes
 * from the Host header. Errors are a status code and one line of plain text.
 */
public final class MozillaAutoconfig {

    public static final String PROTOCOL = "autoconfig";
    public static final String PATH = "/mail/config-v1.1.xml";
    public static final String WELL_KNOWN_PATH = "/.well-known/autoconfig/mail/config-v1.1.xml";
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    static final String CACHE_CONTROL = "public, max-age=900";
    static final String RETRY_AFTER_SECONDS = "30";
    private static final String AUTOCONFIG_HOST_PREFIX = "autoconfig.";

    private final ConfigStore store;

    public MozillaAutoconfig(ConfigStore store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(Route.get(PROTOCOL, PATH, this::handle), Route.get(PROTOCOL, WELL_KNOWN_PATH, this::handle));
    }

    Response handle(Request request) {
        Optional<String> addressParameter = request.queryParameter("emailaddress");
        Optional<EmailAddress> address = Optional.empty();
        String domain;
        if (addressParameter.isPresent()) {
            try {
                address = Optional.of(EmailAddress.parse(addressParameter.get()));
            } catch (InvalidAddressException e) {
                return Response.text(400, e.getMessage());
            }
            domain = address.get().domain();
        } else {
            Optional<String> fromHost = domainFromHost(request);
            if (fromHost.isEmpty()) {
                return Response.text(400, "missing emailaddress parameter");
            }
            domain = fromHost.get();
        }
        Optional<DomainConfig> config;
        try {
            config = store.find(domain);
        } catch (StoreUnavailableException e) {
            return Response.text(503, "configuration temporarily unavailable").withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (config.isEmpty()) {
            return Response.text(404, "no configuration for this domain");
        }
        return Response.of(200, CONTENT_TYPE, AutoconfigXml.render(config.get(), address))
                .withHeader("Cache-Control", CACHE_CONTROL);
    }

    /** {@code autoconfig.example.com} and {@code example.com} (the well-known path) both mean example.com. */
    private static Optional<String> domainFromHost(Request request) {
        return request.host().map(host -> host.startsWith(AUTOCONFIG_HOST_PREFIX)
                ? host.substring(AUTOCONFIG_HOST_PREFIX.length()) : host).flatMap(DomainNames::normalize);
    }
}
