package io.mailconfig.installation;

import static io.mailconfig.installation.Installation.CONTEXT_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.installation.MailDomain.Hosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and checks a configuration as a whole, so one run reports every mistake, each naming its
 * setting: the shape of every value, then what only shows across settings (a domain listed twice,
 * shared hosts nobody declared, quotas and stack sizes).
 */
final class InstallationReader {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"]+@[a-z0-9.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern DNS_MODE = Pattern.compile("route53|external");
    private static final Pattern HOSTS_MODE = Pattern.compile("own|shared");
    private static final String DOMAIN_EXAMPLE = "a domain name in lower case (punycode for international names), e.g. example.com";

    private static final Set<String> KNOWN_KEYS = Set.of("account", "region", "tableName", "memoryMb", "logRetentionDays",
            "cacheTtlSeconds", "signingSecretArn", "throttleRateLimit", "throttleBurstLimit", "reservedConcurrency", "alarmEmail",
            "dns", "sharedHosts", "edge", "quotas", "domainStacks", "domains", "publish");
    private static final Set<String> DOMAIN_KEYS = Set.of("name", "hostedZoneId", "hostedZoneName", "dns", "hosts", "srv", "publish");
    private static final Set<String> SHARED_HOSTS_KEYS = Set.of("domain", "hostedZoneId", "hostedZoneName", "dns");
    private static final Set<String> EDGE_KEYS = Set.of("enabled", "requestsPerIpPer5Minutes", "priceClass");
    private static final Set<String> QUOTA_KEYS = Set.of("customDomainNames", "certificates", "distributions");

    private final List<String> problems = new ArrayList<>();

    private InstallationReader() {
    }

    static Installation fromContext(Object contextValue, Path baseDir) {
        ObjectMapper json = new ObjectMapper();
        if (contextValue == null) {
            throw new InvalidInstallationException(List.of("no \"" + CONTEXT_KEY + "\" in the cdk.json context: set it to the"
                    + " name of a JSON file (e.g. \"mailconfig.json\") or to the settings themselves"));
        }
        if (contextValue instanceof String file) {
            Path path = baseDir.resolve(file);
            try {
                return parse(json.readTree(Files.readString(path)));
            } catch (IOException e) {
                throw new InvalidInstallationException(List.of(path + " cannot be read as JSON: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            }
        }
        return parse(json.valueToTree(contextValue));
    }

    static Installation parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidInstallationException(List.of("the configuration must be a JSON object"));
        }
        return new InstallationReader().read(root);
    }

    private Installation read(JsonNode root) {
        unknownKeys(root, KNOWN_KEYS, CONTEXT_KEY);
        String account = text(root, "account", CONTEXT_KEY, true, ACCOUNT, "a 12-digit AWS account id, e.g. 123456789012");
        String region = text(root, "region", CONTEXT_KEY, true, REGION, "an AWS region, e.g. eu-central-1");
        ServiceSettings service = service(root);
        String defaultDns = Optional.ofNullable(text(root, "dns", CONTEXT_KEY, false, DNS_MODE, "\"route53\" or \"external\"")).orElse("route53");
        Optional<HostPair> shared = sharedHosts(root.get("sharedHosts"), defaultDns);
        Optional<Edge> edge = edge(root.get("edge"));
        Quotas quotas = quotas(root.get("quotas"));
        int domainStacks = number(root, "domainStacks", CONTEXT_KEY, 1, 1, DomainStacks.MAX_STACKS);
        if (Integer.bitCount(domainStacks) != 1) {
            problems.add(CONTEXT_KEY + ".domainStacks: " + domainStacks + " is not a power of two (1, 2, 4, ... " + DomainStacks.MAX_STACKS
                    + "): doubling moves each domain to at most one other stack");
            domainStacks = 1;
        }
        Set<Publication> defaultPublications = publications(root.get("publish"), CONTEXT_KEY + ".publish", Set.of());
        List<MailDomain> domains = domains(root.get("domains"), defaultDns, shared, defaultPublications);
        if (!problems.isEmpty()) {
            throw new InvalidInstallationException(problems);
        }
        Installation installation = new Installation(account, region, service, domains, shared, edge, quotas, domainStacks);
        checkQuotas(installation);
        checkStacks(installation);
        if (!problems.isEmpty()) {
            throw new InvalidInstallationException(problems);
        }
        return installation;
    }

    private ServiceSettings service(JsonNode root) {
        String tableName = Optional.ofNullable(text(root, "tableName", CONTEXT_KEY, false, TABLE_NAME,
                "3 to 255 letters, digits, '_', '-' or '.'")).orElse(ServiceSettings.DEFAULT_TABLE_NAME);
        int memory = number(root, "memoryMb", CONTEXT_KEY, ServiceSettings.DEFAULT_MEMORY_MB, 128, 10240);
        int retention = number(root, "logRetentionDays", CONTEXT_KEY, ServiceSettings.DEFAULT_LOG_RETENTION_DAYS, 1, 3653);
        if (!ServiceSettings.LOG_RETENTION_DAYS.contains(retention)) {
            problems.add(CONTEXT_KEY + ".logRetentionDays: " + retention + " is not a period CloudWatch Logs offers; use one of "
                    + ServiceSettings.LOG_RETENTION_DAYS);
        }
        int ttl = number(root, "cacheTtlSeconds", CONTEXT_KEY, ServiceSettings.DEFAULT_CACHE_TTL_SECONDS, 0, 86_400);
        Optional<String> secret = Optional.ofNullable(text(root, "signingSecretArn", CONTEXT_KEY, false, SECRET_ARN,
                "a Secrets Manager secret ARN, e.g. arn:aws:secretsmanager:eu-central-1:123456789012:secret:mailconfig-signing-AbCdEf"));
        int rate = number(root, "throttleRateLimit", CONTEXT_KEY, ServiceSettings.DEFAULT_RATE_LIMIT, 1, 10_000);
        int burst = number(root, "throttleBurstLimit", CONTEXT_KEY, ServiceSettings.DEFAULT_BURST_LIMIT, 1, 5_000);
        OptionalInt reserved = OptionalInt.of(ServiceSettings.DEFAULT_RESERVED_CONCURRENCY);
        JsonNode reservedNode = root.get("reservedConcurrency");
        if (reservedNode != null && reservedNode.isBoolean() && !reservedNode.booleanValue()) {
            reserved = OptionalInt.empty();
        } else if (reservedNode != null && !reservedNode.isNull()) {
            reserved = OptionalInt.of(number(root, "reservedConcurrency", CONTEXT_KEY, ServiceSettings.DEFAULT_RESERVED_CONCURRENCY, 1, 1000,
                    "a whole number from 1 to 1000, or false to reserve none"));
        }
        Optional<String> email = Optional.ofNullable(text(root, "alarmEmail", CONTEXT_KEY, false, EMAIL, "an e-mail address, e.g. ops@example.com"));
        return new ServiceSettings(tableName, memory, retention, ttl, secret, rate, burst, reserved, email);
    }

    private Optional<HostPair> sharedHosts(JsonNode value, String defaultDns) {
        String at = CONTEXT_KEY + ".sharedHosts";
        Optional<JsonNode> section = section(value, at, SHARED_HOSTS_KEYS, "{\"domain\": \"provider.example\", \"dns\": \"external\"}");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = section.get();
        String domain = bare(text(node, "domain", at, true, HOST_NAME, DOMAIN_EXAMPLE + " (the hosts are autoconfig.<domain> and autodiscover.<domain>)"));
        Optional<Dns> dns = dns(node, at, domain, defaultDns);
        return domain == null || dns.isEmpty() ? Optional.empty() : Optional.of(new HostPair(domain, dns.get()));
    }

    private Optional<Edge> edge(JsonNode value) {
        String at = CONTEXT_KEY + ".edge";
        Optional<JsonNode> section = section(value, at, EDGE_KEYS, "{\"enabled\": true}");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = section.get();
        JsonNode enabled = node.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            problems.add(at + ".enabled: must be true or false");
        }
        int rate = number(node, "requestsPerIpPer5Minutes", at, Edge.DEFAULT_REQUESTS_PER_IP_PER_5_MINUTES,
                Edge.MIN_REQUESTS_PER_5_MINUTES, 2_000_000_000);
        String priceClass = Optional.ofNullable(text(node, "priceClass", at, false,
                Pattern.compile(String.join("|", Edge.PRICE_CLASSES)), "one of " + Edge.PRICE_CLASSES)).orElse(Edge.DEFAULT_PRICE_CLASS);
        return enabled != null && enabled.isBoolean() && !enabled.booleanValue() ? Optional.empty() : Optional.of(new Edge(rate, priceClass));
    }

    private Quotas quotas(JsonNode value) {
        String at = CONTEXT_KEY + ".quotas";
        Optional<JsonNode> section = section(value, at, QUOTA_KEYS, "{\"customDomainNames\": 300}");
        if (section.isEmpty()) {
            return Quotas.DEFAULTS;
        }
        JsonNode node = section.get();
        return new Quotas(
                number(node, "customDomainNames", at, Quotas.DEFAULT_CUSTOM_DOMAIN_NAMES, 1, 1_000_000),
                number(node, "certificates", at, Quotas.DEFAULT_CERTIFICATES, 1, 1_000_000),
                number(node, "distributions", at, Quotas.DEFAULT_DISTRIBUTIONS, 1, 1_000_000));
    }

    private List<MailDomain> domains(JsonNode node, String defaultDns, Optional<HostPair> shared, Set<Publication> defaultPublications) {
        String where = CONTEXT_KEY + ".domains";
        if (node == null || node.isNull()) {
            problems.add(where + ": missing; list the mail domains, e.g. [{\"name\": \"example.com\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\","
                    + " \"hostedZoneName\": \"example.com\"}]");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(where + ": must be a non-empty list of mail domains");
            return List.of();
        }
        List<MailDomain> domains = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode domain = node.get(i);
            String at = where + "[" + i + "]";
            if (!domain.isObject()) {
                problems.add(at + ": must be an object with name and either hostedZoneId and hostedZoneName, or \"dns\": \"external\"");
                continue;
            }
            unknownKeys(domain, DOMAIN_KEYS, at);
            String name = bare(text(domain, "name", at, true, HOST_NAME, DOMAIN_EXAMPLE));
            if (name != null && !seen.add(name)) {
                problems.add(at + ": " + name + " is listed twice");
            }
            Optional<Dns> dns = dns(domain, at, name, defaultDns);
            Hosts hosts = hosts(domain.get("hosts"), at, shared);
            if (name != null && hosts == Hosts.OWN && shared.isPresent() && shared.get().domain().equals(name)) {
                problems.add(at + ": " + name + " is the shared hosts' domain; its hosts are the shared ones: give it \"hosts\": \"shared\"");
            }
            if (name != null && shared.isPresent() && shared.get().domain().equals(name) && dns.isPresent()
                    && !dns.get().equals(shared.get().dns())) {
                problems.add(at + ": " + name + " is also sharedHosts.domain, with other DNS settings; give both the same");
            }
            List<SrvRecord> srv = srv(domain.get("srv"), at + ".srv", name, hosts, shared);
            Set<Publication> publications = publications(domain.get("publish"), at + ".publish", defaultPublications);
            if (hosts == Hosts.SHARED && publications.stream().anyMatch(p -> p.hostPrefix().isPresent())) {
                publications = publications.stream().filter(p -> p.hostPrefix().isEmpty()).collect(Collectors.toUnmodifiableSet());
                if (domain.has("publish")) {
                    problems.add(at + ".publish: pacc and mta-sts need hosts of the domain's own (ua-auto-config." + name + ", mta-sts."
                            + name + "), each with a certificate for exactly that name, which shared hosts cannot give: clients and"
                            + " senders check the name. Give the domain \"hosts\": \"own\", or publish only tls-rpt and dav");
                }
            }
            if (name != null && dns.isPresent() && hosts != null) {
                domains.add(new MailDomain(name, dns.get(), hosts, srv, publications));
            }
        }
        return domains;
    }

    /** {@code ["pacc", "mta-sts", "tls-rpt", "dav"]}, or any of them; {@code fallback} when not given. */
    private Set<Publication> publications(JsonNode node, String at, Set<Publication> fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isArray()) {
            problems.add(at + ": must be a list such as [\"pacc\", \"mta-sts\", \"tls-rpt\", \"dav\"]");
            return fallback;
        }
        Set<Publication> publications = EnumSet.noneOf(Publication.class);
        for (JsonNode element : node) {
            Optional<Publication> publication = element.isTextual() ? Publication.of(element.textValue().strip()) : Optional.empty();
            if (publication.isEmpty()) {
                problems.add(at + ": " + element + " is not one of " + Arrays.stream(Publication.values()).map(p -> p.id).toList());
            }
            publication.ifPresent(publications::add);
        }
        return Set.copyOf(publications);
    }

    /** A hosted zone (Route 53), or {@code "dns": "external"}; the installation's {@code dns} is the default. */
    private Optional<Dns> dns(JsonNode node, String at, String name, String defaultDns) {
        boolean hasZone = node.has("hostedZoneId") || node.has("hostedZoneName");
        String mode = text(node, "dns", at, false, DNS_MODE, "\"route53\" or \"external\"");
        if (hasZone) {
            if ("external".equals(mode)) {
                problems.add(at + ": a hosted zone and \"dns\": \"external\" contradict each other; give one of them");
                return Optional.empty();
            }
            String zoneId = text(node, "hostedZoneId", at, true, HOSTED_ZONE_ID, "a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ");
            String zoneName = bare(text(node, "hostedZoneName", at, true, HOST_NAME, "the hosted zone's domain name, e.g. example.com"));
            if (name != null && zoneName != null && !name.equals(zoneName) && !name.endsWith("." + zoneName)) {
                problems.add(at + ": " + name + " is not inside the hosted zone " + zoneName + "; give the zone that holds its records");
            }
            return zoneId == null || zoneName == null ? Optional.empty() : Optional.of(new Dns.Route53(zoneId, zoneName));
        }
        if ("external".equals(Optional.ofNullable(mode).orElse(defaultDns))) {
            return Optional.of(Dns.EXTERNAL);
        }
        problems.add(at + ": no DNS given; name the Route 53 zone (\"hostedZoneId\" and \"hostedZoneName\"), or say"
                + " \"dns\": \"external\" when the domain's DNS is elsewhere (./dev cli dns prints the records to create)");
        return Optional.empty();
    }

    private Hosts hosts(JsonNode node, String at, Optional<HostPair> shared) {
        if (node == null || node.isNull()) {
            return shared.isPresent() ? Hosts.SHARED : Hosts.OWN;
        }
        if (node.isBoolean()) {
            problems.add(at + ".hosts: must be \"own\" or \"shared\" (true is now \"own\"; false is now \"shared\","
                    + " with \"sharedHosts\" naming the shared hosts)");
            return null;
        }
        String value = node.isTextual() ? node.textValue().strip() : node.toString();
        if (!HOSTS_MODE.matcher(value).matches()) {
            problems.add(at + ".hosts: \"" + value + "\" is not \"own\" or \"shared\"");
            return null;
        }
        if (value.equals("shared") && shared.isEmpty()) {
            problems.add(at + ".hosts: \"shared\" needs \"sharedHosts\" in the configuration, naming the domain of the shared"
                    + " hosts, e.g. \"sharedHosts\": {\"domain\": \"provider.example\", \"dns\": \"external\"}");
            return null;
        }
        return value.equals("own") ? Hosts.OWN : Hosts.SHARED;
    }

    /**
     * {@code "imaps": "imap.example.com"}, {@code "imaps": "imap.example.com:10993"} or {@code "pop3": "."}
     * (not offered), in RFC order; autodiscover defaults to the host that serves the domain.
     */
    private List<SrvRecord> srv(JsonNode node, String where, String domain, Hosts hosts, Optional<HostPair> shared) {
        List<SrvRecord> records = new ArrayList<>();
        boolean autodiscover = false;
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                problems.add(where + ": must be an object such as {\"imaps\": \"imap.example.com\", \"submission\": \"smtp.example.com\"}");
                return records;
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                Optional<SrvService> service = SrvService.of(key);
                if (service.isEmpty()) {
                    problems.add(where + "." + key + ": unknown SRV service; use one of "
                            + Arrays.stream(SrvService.values()).map(s -> s.key).toList());
                    continue;
                }
                Optional<SrvRecord> record = srvRecord(node.get(key), service.get(), where + "." + key);
                record.ifPresent(records::add);
                autodiscover |= service.get() == SrvService.AUTODISCOVER;
            }
        }
        if (!autodiscover && domain != null && hosts != null) {
            String target = hosts == Hosts.OWN ? HostPair.AUTODISCOVER + domain : shared.orElseThrow().autodiscover();
            records.add(new SrvRecord(SrvService.AUTODISCOVER, target, SrvService.AUTODISCOVER.port));
        }
        records.sort(Comparator.comparing(SrvRecord::service));
        return List.copyOf(records);
    }

    private Optional<SrvRecord> srvRecord(JsonNode value, SrvService service, String at) {
        String target = value.isTextual() ? value.textValue().strip().toLowerCase(Locale.ROOT) : "";
        if (target.equals(SrvRecord.NOT_OFFERED)) {
            return Optional.of(SrvRecord.notOffered(service));
        }
        int port = service.port;
        int colon = target.lastIndexOf(':');
        if (colon > 0) {
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            target = target.substring(0, colon);
        }
        target = bare(target);
        if (!HOST_NAME.matcher(target).matches() || port < 1 || port > 65535) {
            problems.add(at + ": must be a host name, optionally with :port, e.g. \"mail.example.com\" or \"mail.example.com:"
                    + service.port + "\", or \".\" for a service the domain does not offer");
            return Optional.empty();
        }
        return Optional.of(new SrvRecord(service, target, port));
    }

    private void checkQuotas(Installation installation) {
        Quotas quotas = installation.quotas();
        int pairs = installation.hostPairs().size();
        int hosts = installation.hostPairs().stream().mapToInt(pair -> pair.hosts().size()).sum();
        String mode = " For many domains use the hosting-provider mode: one shared pair of hosts (\"sharedHosts\") serves every domain"
                + " with \"hosts\": \"shared\", which needs no custom domain name, certificate or distribution of its own (docs/deploy.md).";
        if (hosts > quotas.customDomainNames()) {
            problems.add(CONTEXT_KEY + ".domains: " + pairs + " pairs of hosts need " + hosts + " API Gateway custom domain names, over "
                    + quota(quotas.customDomainNames(), Quotas.DEFAULT_CUSTOM_DOMAIN_NAMES) + " per account and region (Service Quotas,"
                    + " Amazon API Gateway, \"Custom domain names per account per Region\")." + mode
                    + " Or have the quota raised and state it: \"quotas\": {\"customDomainNames\": " + hosts + "}");
        }
        int certificates = pairs + (installation.edge().isPresent() && installation.region().equals(Edge.REGION) ? pairs : 0);
        if (certificates > quotas.certificates()) {
            problems.add(CONTEXT_KEY + ".domains: " + certificates + " ACM certificates in " + installation.region() + " are over "
                    + quota(quotas.certificates(), Quotas.DEFAULT_CERTIFICATES) + " per account and region (Service Quotas, AWS Certificate"
                    + " Manager, \"ACM certificates\")." + mode + " Or have the quota raised and state it: \"quotas\": {\"certificates\": "
                    + certificates + "}");
        }
        if (installation.edge().isEmpty()) {
            return;
        }
        if (pairs > quotas.certificates()) {
            problems.add(CONTEXT_KEY + ".edge: " + pairs + " ACM certificates in " + Edge.REGION + " (where CloudFront's live) are over "
                    + quota(quotas.certificates(), Quotas.DEFAULT_CERTIFICATES) + " per account and region." + mode);
        }
        if (hosts > quotas.distributions()) {
            problems.add(CONTEXT_KEY + ".edge: " + hosts + " CloudFront distributions (one per host) are over "
                    + quota(quotas.distributions(), Quotas.DEFAULT_DISTRIBUTIONS) + " per account (Service Quotas, Amazon CloudFront,"
                    + " \"Web distributions per AWS account\")." + mode + " Or have the quota raised and state it: \"quotas\": {\"distributions\": "
                    + hosts + "}");
        }
        if (pairs > DomainStacks.MAX_RESOURCES - DomainStacks.RESERVED_RESOURCES) {
            problems.add(CONTEXT_KEY + ".edge: " + pairs + " edge certificates do not fit the one us-east-1 stack (CloudFormation allows "
                    + DomainStacks.MAX_RESOURCES + " resources)." + mode);
        }
    }

    private static String quota(int value, int defaultValue) {
        return (value == defaultValue ? "the default quota of " : "the stated quota of ") + value;
    }

    /** Every domain stack within CloudFormation's resource limit, or the number of stacks that would be. */
    private void checkStacks(Installation installation) {
        int limit = DomainStacks.MAX_RESOURCES - DomainStacks.RESERVED_RESOURCES;
        int largest = installation.stacks().largest();
        if (largest <= limit) {
            return;
        }
        int needed = installation.domainStacks();
        Installation wider = installation;
        while (wider.stacks().largest() > limit && needed < DomainStacks.MAX_STACKS) {
            needed *= 2;
            wider = new Installation(installation.account(), installation.region(), installation.service(), installation.domains(),
                    installation.sharedHosts(), installation.edge(), installation.quotas(), needed);
        }
        problems.add(CONTEXT_KEY + ".domainStacks: a stack of domains would hold " + largest + " resources, over the " + limit
                + " mailconfig leaves room for (CloudFormation allows " + DomainStacks.MAX_RESOURCES + " per stack): set \"domainStacks\": "
                + needed + " (now " + installation.domainStacks() + "; doubling moves about half the domains to the new stacks, see docs/deploy.md)");
    }

    /** An optional object of settings: empty when it is not there, or (with a problem) when it is not an object. */
    private Optional<JsonNode> section(JsonNode node, String at, Set<String> keys, String example) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(at + ": must be an object such as " + example);
            return Optional.empty();
        }
        unknownKeys(node, keys, at);
        return Optional.of(node);
    }

    private void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(where + "." + name + ": unknown setting; known are " + known.stream().sorted().toList());
            }
        }
    }

    private String text(JsonNode node, String key, String where, boolean required, Pattern pattern, String expected) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(where + "." + key + ": missing; expected " + expected);
            }
            return null;
        }
        String text = value.isTextual() ? value.textValue().strip() : value.toString();
        if (!value.isTextual() || !pattern.matcher(text).matches()) {
            problems.add(where + "." + key + ": \"" + text + "\" is not " + expected);
            return null;
        }
        return text;
    }

    private int number(JsonNode node, String key, String where, int fallback, int min, int max) {
        return number(node, key, where, fallback, min, max, "a whole number from " + min + " to " + max);
    }

    private int number(JsonNode node, String key, String where, int fallback, int min, int max, String expected) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.add(where + "." + key + ": " + value + " must be " + expected);
            return fallback;
        }
        return value.intValue();
    }

    /** Lower case, without the root's trailing dot. */
    private static String bare(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
