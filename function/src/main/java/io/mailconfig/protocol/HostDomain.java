package io.mailconfig.protocol;

import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.model.DomainNames;
import java.util.Optional;
import java.util.function.Function;

/**
 * The protocols that name the mail domain by their host alone, {@code <prefix><domain>} (PACC's
 * {@code ua-auto-config.}, MTA-STS's {@code mta-sts.}): the domain from the Host header, its
 * configuration, and the plain-text errors when there is none to answer with.
 */
public final class HostDomain {

    private HostDomain() {
    }

    /** The canonical domain after {@code prefix} in the Host header, or empty when the host is not of that form. */
    public static Optional<String> of(Request request, String prefix) {
        return request.host().filter(host -> host.startsWith(prefix)).flatMap(host -> DomainNames.normalize(host.substring(prefix.length())));
    }

    /**
     * What {@code found} answers for the domain the host names; 400 for another host, and the
     * lookup's own error (404, 503 with {@code Retry-After}) when there is no configuration to answer from.
     */
    public static Response answer(Request request, String prefix, Lookup lookup, Function<Lookup.Found, Response> found) {
        Optional<String> domain = of(request, prefix);
        if (domain.isEmpty()) {
            return Response.text(Outcome.BAD_REQUEST, 400, "ask on " + prefix + "<your mail domain>");
        }
        return Lookup.inPlainText(lookup.domain(domain.get()), found);
    }
}
