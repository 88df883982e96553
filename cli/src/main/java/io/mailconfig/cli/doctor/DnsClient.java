package io.mailconfig.cli.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * DNS questions as a mail client's resolver asks them, through dnsjava: to the resolver given, or
 * the machine's own. Each answer keeps what a check needs to explain itself: the response code,
 * the CNAME chain and the records of the type asked for. dnsjava asks again over TCP when a UDP
 * answer comes back truncated.
 */
public final class DnsClient {

    /**
     * One answer.
     *
     * @param rcode   the response code ({@link Rcode#NOERROR}, {@link Rcode#NXDOMAIN}, ...)
     * @param chain   the CNAME records the answer went through, in order
     * @param records the records of the type asked for
     */
    public record Answer(Name name, int type, int rcode, List<CNAMERecord> chain, List<Record> records) {

        public Answer {
            chain = List.copyOf(chain);
            records = List.copyOf(records);
        }

        public boolean nxdomain() {
            return rcode == Rcode.NXDOMAIN;
        }

        /** How it reads in a report: the records, or NXDOMAIN, or "no TYPE record". */
        public String describe() {
            if (rcode != Rcode.NOERROR) {
                return Rcode.string(rcode) + (nxdomain() ? " (the name does not exist)" : "");
            }
            List<String> parts = new ArrayList<>();
            chain.forEach(cname -> parts.add("CNAME " + bare(cname.getTarget())));
            if (records.isEmpty()) {
                parts.add("no " + Type.string(type) + " record");
            } else {
                records.forEach(record -> parts.add(Type.string(record.getType()) + " " + record.rdataToString()));
            }
            return String.join(", ", parts);
        }
    }

    /** The resolver could not be asked, or did not answer in time. */
    public static final class DnsException extends IOException {
        DnsException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Resolver resolver;
    private final String description;
    private final Map<Question, Answer> answers = new ConcurrentHashMap<>();

    private DnsClient(Resolver resolver, String description) {
        this.resolver = resolver;
        this.description = description;
    }

    /** The machine's own resolvers, as /etc/resolv.conf names them. */
    public static DnsClient system(Duration timeout) {
        ExtendedResolver resolver = new ExtendedResolver();
        resolver.setTimeout(timeout);
        resolver.setRetries(1);
        return new DnsClient(resolver, "the system's resolver");
    }

    /** One resolver at an address and port, e.g. a test installation's own name server. */
    public static DnsClient at(InetSocketAddress address, Duration timeout) {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(timeout);
        return new DnsClient(resolver, "the resolver at " + address.getHostString() + ":" + address.getPort());
    }

    /**
     * Asks for the records of {@code type} at {@code name} (absolute or not; lower case is not
     * needed). The checks of one run ask many of the same questions (a host's addresses for every
     * request to it, the MX for several checks): each is sent once, and an answer is kept for the
     * run. A question that failed is asked again.
     */
    public Answer query(String name, int type) throws DnsException {
        Name asked = name(name);
        Question question = new Question(asked, type);
        Answer known = answers.get(question);
        if (known != null) {
            return known;
        }
        Answer answer = ask(asked, type);
        answers.put(question, answer);
        return answer;
    }

    private record Question(Name name, int type) {
    }

    private Answer ask(Name asked, int type) throws DnsException {
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(asked, type, DClass.IN)));
        } catch (IOException e) {
            throw new DnsException(Type.string(type) + " " + bare(asked) + ": " + description + " did not answer ("
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()) + ")", e);
        }
        List<CNAMERecord> chain = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        Name current = asked;
        List<Record> answer = response.getSection(Section.ANSWER);
        // Follow the chain as the answer gives it; a loop cannot be longer than the answer.
        for (int hops = 0; hops <= answer.size(); hops++) {
            Name owner = current;
            Optional<CNAMERecord> cname = answer.stream().filter(r -> r instanceof CNAMERecord && r.getName().equals(owner))
                    .map(CNAMERecord.class::cast).findFirst();
            if (cname.isEmpty() || type == Type.CNAME) {
                break;
            }
            chain.add(cname.get());
            current = cname.get().getTarget();
        }
        Name target = current;
        answer.stream().filter(r -> r.getType() == type && r.getName().equals(target)).forEach(records::add);
        return new Answer(asked, type, response.getRcode(), chain, records);
    }

    /** The IPv4 and IPv6 addresses of a host, IPv4 first; empty when it has none. */
    public List<InetAddress> addresses(String host) throws DnsException {
        List<InetAddress> addresses = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            for (Record record : query(host, type).records()) {
                InetAddress address = record instanceof ARecord a ? a.getAddress() : ((AAAARecord) record).getAddress();
                try {
                    addresses.add(InetAddress.getByAddress(host, address.getAddress()));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
                }
            }
        }
        return addresses;
    }

    /** The hosts of a domain's MX records, most preferred first; empty when it has none. */
    public List<String> mxHosts(String domain) throws DnsException {
        return query(domain, Type.MX).records().stream().map(MXRecord.class::cast)
                .sorted(Comparator.comparingInt(MXRecord::getPriority)).map(mx -> bare(mx.getTarget())).toList();
    }

    /** The texts of the TXT records at a name, each record's strings joined, as TXT-based protocols read them. */
    public List<String> texts(String name) throws DnsException {
        return query(name, Type.TXT).records().stream().map(record -> String.join("", ((TXTRecord) record).getStrings())).toList();
    }

    static Name name(String name) throws DnsException {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new DnsException("not a DNS name: " + name, e);
        }
    }

    /** A name as people write it: lower case, without the root's dot. */
    public static String bare(Name name) {
        String text = name.toString(true).toLowerCase(Locale.ROOT);
        return text.isEmpty() ? "." : text;
    }
}
