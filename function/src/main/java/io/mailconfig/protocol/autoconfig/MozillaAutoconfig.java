package io.mailconfig.protocol.autoconfig;

import io.mailconfig.http.CacheControl;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.DomainNames;
import io.mailconfig.protocol.Lookup;
import java.time.Duration;
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
    /** An earlier draft's path on {@code autoconfig.<domain>}, which GNOME Online Accounts still asks first. */
    public static final String DRAFT_PATH = "/.well-known/mail-v1.xml";
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    /** How long clients and caches may keep an answer. */
    static final Duration CLIENT_TTL = Duration.ofMinutes(15);
    private static final String AUTOCONFIG_HOST_PREFIX = "autoconfig.";

    private final Lookup lookup;

    public MozillaAutoconfig(Lookup lookup) {
        this.lookup = lookup;
    }

    public List<Route> routes() {
        return List.of(Route.get(PROTOCOL, PATH, this::handle), Route.get(PROTOCOL, WELL_KNOWN_PATH, this::handle),
                Route.get(PROTOCOL, DRAFT_PATH, this::handle));
    }

    Response handle(Request request) {
        Optional<String> address = request.queryParameter("emailaddress");
        Lookup.Result result;
        if (address.isPresent()) {
            result = lookup.address(address.get());
        } else {
            Optional<String> fromHost = domainFromHost(request);
            if (fromHost.isEmpty()) {
                return Response.text(Outcome.BAD_REQUEST, 400, "missing emailaddress parameter");
            }
            result = lookup.domain(fromHost.get());
        }
        return Lookup.inPlainText(result, found -> Response.of(Outcome.FOUND, 200, CONTENT_TYPE,
                        AutoconfigXml.render(found.config(), found.address()))
                .withHeader("Cache-Control", CacheControl.shared(CLIENT_TTL)));
    }

    /** {@code autoconfig.example.com} and {@code example.com} (the well-known path) both mean example.com. */
    private static Optional<String> domainFromHost(Request request) {
        return request.host().map(host -> host.startsWith(AUTOCONFIG_HOST_PREFIX)
                ? host.substring(AUTOCONFIG_HOST_PREFIX.length()) : host).flatMap(DomainNames::normalize);
    }
}
