package io.mailconfig.dnsupdater;

import io.mailconfig.dnsrecords.TableRecords;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** A domain's MX hosts as DNS answers now (dnsjava), to check an MTA-STS policy before its record is published. */
public final class DnsMxHosts implements TableRecords.MxHosts {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Optional<InetSocketAddress> resolver;

    /** @param resolver a resolver to ask instead of the system's */
    public DnsMxHosts(Optional<InetSocketAddress> resolver) {
        this.resolver = resolver;
    }

    /**
     * A resolver's address as {@code HOST:PORT} gives it ({@code 127.0.0.1:5353}, {@code [::1]:53});
     * the port is 53 when none is given.
     *
     * @throws IllegalArgumentException {@code must be HOST:PORT, e.g. 127.0.0.1:5353}
     */
    public static InetSocketAddress resolverAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
        int port = 53;
        if (colon > 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("must be HOST:PORT, e.g. 127.0.0.1:5353");
        }
        return new InetSocketAddress(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host, port);
    }

    @Override
    public Optional<List<String>> of(String domain) {
        try {
            Lookup lookup = new Lookup(Name.fromString(domain + "."), Type.MX);
            if (resolver.isPresent()) {
                SimpleResolver simple = new SimpleResolver(resolver.get());
                simple.setTimeout(TIMEOUT);
                lookup.setResolver(simple);
            }
            lookup.setCache(null);
            org.xbill.DNS.Record[] answers = lookup.run();
            if (lookup.getResult() != Lookup.SUCCESSFUL || answers == null) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(answers).map(record -> ((MXRecord) record).getTarget().toString(true).toLowerCase()).toList());
        } catch (TextParseException e) {
            return Optional.empty();
        }
    }
}
