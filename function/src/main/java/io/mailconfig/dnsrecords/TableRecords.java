package io.mailconfig.dnsrecords;

import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.MtaStsPolicy;
import io.mailconfig.model.ProviderServices;
import io.mailconfig.protocol.mtasts.MtaStsRecords;
import io.mailconfig.protocol.pacc.PaccDocument;
import io.mailconfig.protocol.pacc.PaccRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The DNS records whose values follow the table: what each should hold right now for a domain,
 * computed from the same configuration the function serves. The DNS updater writes them into
 * Route 53 when the table changes, {@code ./dev cli dns} prints them for DNS elsewhere, and a
 * check of the published DNS compares what resolvers answer with {@link #of}.
 *
 * <ul>
 * <li>{@code _ua-auto-config.<domain>} TXT: the digest of the PACC document</li>
 * <li>{@code _mta-sts.<domain>} TXT: the id of the MTA-STS policy</li>
 * <li>{@code _smtp._tls.<domain>} TXT: where TLS failures are reported (TLS-RPT)</li>
 * <li>{@code _caldavs._tcp.<domain>} and {@code _carddavs._tcp.<domain>} SRV and TXT {@code path=} (RFC 6764)</li>
 * </ul>
 */
public final class TableRecords {

    /** Short, so a record follows a change in the table within minutes. */
    public static final int TTL = 300;
    private static final int MAX_TXT_STRING = 255;

    /** The kinds of record a domain publishes, as the installation names them. */
    public enum Kind {
        PACC("pacc"),
        MTA_STS("mta-sts"),
        TLS_RPT("tls-rpt"),
        DAV("dav");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Kind> parse(String id) {
            for (Kind kind : values()) {
                if (kind.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A record's name (absolute, without the root's dot) and type. */
    public record Key(String name, String type) {
    }

    /**
     * What one record set should hold.
     *
     * @param values TXT texts (without quotes) or SRV data; empty: the record should not exist
     */
    public record Record(Key key, List<String> values) {
        public Record {
            values = List.copyOf(values);
        }
    }

    /**
     * The records of a domain and what keeps one of them back.
     *
     * @param problems one line each, e.g. an MTA-STS policy that does not match the domain's MX hosts;
     *                 a record with a problem keeps its current value
     */
    public record Result(List<Record> records, List<String> problems) {
        public Result {
            records = List.copyOf(records);
            problems = List.copyOf(problems);
        }
    }

    /** The domain's MX hosts, as DNS answers now; empty when they cannot be resolved. */
    @FunctionalInterface
    public interface MxHosts {
        MxHosts UNKNOWN = domain -> Optional.empty();

        Optional<List<String>> of(String domain);
    }

    private TableRecords() {
    }

    /** The names and types of a domain's records of these kinds, whatever the table holds: what the updater may write. */
    public static List<Key> keys(String domain, Set<Kind> kinds) {
        List<Key> keys = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (!kinds.contains(kind)) {
                continue;
            }
            switch (kind) {
                case PACC -> keys.add(new Key(PaccRecord.name(domain), "TXT"));
                case MTA_STS -> keys.add(new Key(MtaStsRecords.POLICY_NAME_PREFIX + domain, "TXT"));
                case TLS_RPT -> keys.add(new Key(MtaStsRecords.REPORT_NAME_PREFIX + domain, "TXT"));
                case DAV -> {
                    for (DavType type : DavType.values()) {
                        keys.add(new Key(davName(type, domain), "SRV"));
                        keys.add(new Key(davName(type, domain), "TXT"));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * A TXT text as record data, the way zone files and Route 53 take it: quoted strings of at
     * most 255 characters each (RFC 1035), {@code "} and {@code \} escaped. Resolvers and clients
     * join the strings again.
     */
    public static String txtData(String text) {
        List<String> strings = new ArrayList<>();
        for (int start = 0; start < text.length(); start += MAX_TXT_STRING) {
            String part = text.substring(start, Math.min(text.length(), start + MAX_TXT_STRING));
            strings.add("\"" + part.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return strings.isEmpty() ? "\"\"" : String.join(" ", strings);
    }

    /** The records of a domain the table does not hold: none of them should exist. */
    public static List<Record> absent(String domain, Set<Kind> kinds) {
        return keys(domain, kinds).stream().map(key -> new Record(key, List.of())).toList();
    }

    /**
     * What each record of these kinds should hold now. A record whose data the table lacks (no
     * policy, no report address, no DAV server of a type) has no values: it should not exist.
     */
    public static Result of(DomainConfig config, Set<Kind> kinds, MxHosts mxHosts) {
        String domain = config.domain().name();
        ProviderServices services = config.provider().services();
        List<Record> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Key key : keys(domain, kinds)) {
            List<String> values = List.of();
            if (key.name().startsWith(PaccRecord.NAME_PREFIX)) {
                values = PaccDocument.render(config).map(PaccRecord::txt).map(List::of).orElse(List.of());
            } else if (key.name().startsWith(MtaStsRecords.POLICY_NAME_PREFIX)) {
                Optional<MtaStsPolicy> policy = services.mtaSts();
                Optional<String> refused = policy.flatMap(p -> mismatch(p, domain, mxHosts));
                if (refused.isPresent()) {
                    problems.add(refused.get());
                    continue;
                }
                values = policy.map(p -> List.of(MtaStsRecords.policyTxt(p))).orElse(List.of());
            } else if (key.name().startsWith(MtaStsRecords.REPORT_NAME_PREFIX)) {
                values = services.tlsReports().isEmpty() ? List.of() : List.of(MtaStsRecords.reportTxt(services.tlsReports()));
            } else {
                DavType type = key.name().startsWith(davName(DavType.CALDAV, "")) ? DavType.CALDAV : DavType.CARDDAV;
                Optional<DavServer> dav = config.provider().davServer(type);
                values = key.type().equals("SRV")
                        ? dav.map(server -> List.of("0 1 " + server.port() + " " + server.host() + ".")).orElse(List.of())
                        // A URL with placeholders has no one path for the domain: clients then start from /.well-known/.
                        : dav.flatMap(DavServer::sharedUrl).map(url -> List.of("path=" + path(url))).orElse(List.of());
            }
            records.add(new Record(key, values));
        }
        return new Result(records, problems);
    }

    private static String path(URI url) {
        String path = url.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** RFC 6764 section 3: {@code _caldavs._tcp} and {@code _carddavs._tcp}, the TLS services. */
    private static String davName(DavType type, String domain) {
        return "_" + type.id() + "s._tcp." + domain;
    }

    private static Optional<String> mismatch(MtaStsPolicy policy, String domain, MxHosts mxHosts) {
        if (policy.mode() == MtaStsPolicy.Mode.NONE) {
            return Optional.empty();
        }
        return mxHosts.of(domain).map(policy::unmatched).filter(unmatched -> !unmatched.isEmpty())
                .map(unmatched -> MtaStsRecords.POLICY_NAME_PREFIX + domain + " is not published: the MX host"
                        + (unmatched.size() == 1 ? " " : "s ") + String.join(", ", unmatched)
                        + (unmatched.size() == 1 ? " matches" : " match") + " no mtaStsMx pattern "
                        + policy.mx() + ", so senders would refuse to deliver there under mode " + policy.mode().id());
    }
}
