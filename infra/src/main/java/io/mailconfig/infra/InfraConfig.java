package io.mailconfig.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.Settings;
import io.mailconfig.store.dynamodb.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an administrator configures: where to deploy, the mail domains and their hosted zones, the
 * SRV records to publish, and a few optional settings. Read from the {@code mailconfig} context
 * value of {@code cdk.json} (an object, or the name of a JSON file) and checked as a whole, so one
 * run reports every mistake.
 */
public record InfraConfig(
        String account,
        String region,
        String tableName,
        List<MailDomain> domains,
        int memoryMb,
        int logRetentionDays,
        int cacheTtlSeconds,
        Optional<String> signingSecretArn,
        int throttleRateLimit,
        int throttleBurstLimit) {

    public static final String CONTEXT_KEY = "mailconfig";
    static final int DEFAULT_MEMORY_MB = 1024;
    static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    static final int DEFAULT_CACHE_TTL_SECONDS = (int) Settings.DEFAULT_CACHE_TTL.toSeconds();
    static final int DEFAULT_RATE_LIMIT = 100;
    static final int DEFAULT_BURST_LIMIT = 200;

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+");
    private static final Set<String> KNOWN_KEYS = Set.of("account", "region", "tableName", "domains", "memoryMb",
            "logRetentionDays", "cacheTtlSeconds", "signingSecretArn", "throttleRateLimit", "throttleBurstLimit");
    private static final Set<String> KNOWN_DOMAIN_KEYS = Set.of("name", "hostedZoneId", "hostedZoneName", "hosts", "srv");

    /**
     * One mail domain.
     *
     * @param hosts whether {@code autoconfig.<name>} and {@code autodiscover.<name>} are served here
     *              (certificate, custom domain names, alias records); without them only SRV records are published
     */
    public record MailDomain(String name, String hostedZoneId, String hostedZoneName, boolean hosts, List<SrvRecord> srv) {

        public String autoconfigHost() {
            return "autoconfig." + name;
        }

        public String autodiscoverHost() {
            return "autodiscover." + name;
        }
    }

    /** An SRV record: {@code _<service>._tcp.<domain>} pointing at a host and port (RFC 6186, RFC 8314). */
    public record SrvRecord(String service, String host, int port) {

        public String recordName(String domain) {
            return "_" + service + "._tcp." + domain;
        }
    }

    /** The SRV services an administrator may list, with their standard implicit-TLS ports. */
    enum SrvService {
        IMAPS("imaps", 993), SUBMISSIONS("submissions", 465), POP3S("pop3s", 995), AUTODISCOVER("autodiscover", 443);

        final String key;
        final int port;

        SrvService(String key, int port) {
            this.key = key;
            this.port = port;
        }

        static Optional<SrvService> of(String key) {
            for (SrvService service : values()) {
                if (service.key.equals(key)) {
                    return Optional.of(service);
                }
            }
            return Optional.empty();
        }
    }

    /** Thrown with every problem found, one a line, each naming the setting. */
    public static final class InvalidConfigException extends RuntimeException {
        private final List<String> problems;

        InvalidConfigException(List<String> problems) {
            super("mailconfig configuration is not usable:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Reads the context value: an object, or a file name (relative to {@code baseDir}) holding one.
     *
     * @throws InvalidConfigException when the value is missing, unreadable or wrong in any way
     */
    public static InfraConfig fromContext(Object contextValue, Path baseDir) {
        ObjectMapper json = new ObjectMapper();
        if (contextValue == null) {
            throw new InvalidConfigException(List.of("no \"" + CONTEXT_KEY + "\" in the cdk.json context: set it to the"
                    + " name of a JSON file (e.g. \"mailconfig.json\") or to the settings themselves"));
        }
        if (contextValue instanceof String file) {
            Path path = baseDir.resolve(file);
            try {
                return parse(json.readTree(Files.readString(path)));
            } catch (IOException e) {
                throw new InvalidConfigException(List.of(path + " cannot be read as JSON: " + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        return parse(json.valueToTree(contextValue));
    }

    public static InfraConfig parse(JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException(List.of("the configuration must be a JSON object"));
        }
        unknownKeys(root, KNOWN_KEYS, CONTEXT_KEY, problems);
        String account = text(root, "account", CONTEXT_KEY, problems, true, ACCOUNT, "a 12-digit AWS account id, e.g. 123456789012");
        String region = text(root, "region", CONTEXT_KEY, problems, true, REGION, "an AWS region, e.g. eu-central-1");
        String tableName = Optional.ofNullable(text(root, "tableName", CONTEXT_KEY, problems, false, TABLE_NAME,
                "3 to 255 letters, digits, '_', '-' or '.'")).orElse(Table.DEFAULT_NAME);
        int memory = number(root, "memoryMb", DEFAULT_MEMORY_MB, 128, 10240, problems);
        int retention = number(root, "logRetentionDays", DEFAULT_LOG_RETENTION_DAYS, 1, 3653, problems);
        if (!LogRetention.DAYS.contains(retention)) {
            problems.add(CONTEXT_KEY + ".logRetentionDays: " + retention + " is not a period CloudWatch Logs offers; use one of "
                    + List.copyOf(LogRetention.DAYS));
        }
        int ttl = number(root, "cacheTtlSeconds", DEFAULT_CACHE_TTL_SECONDS, 0, 86_400, problems);
        Optional<String> secret = Optional.ofNullable(text(root, "signingSecretArn", CONTEXT_KEY, problems, false, SECRET_ARN,
                "a Secrets Manager secret ARN, e.g. arn:aws:secretsmanager:eu-central-1:123456789012:secret:mailconfig-signing-AbCdEf"));
        int rate = number(root, "throttleRateLimit", DEFAULT_RATE_LIMIT, 1, 10_000, problems);
        int burst = number(root, "throttleBurstLimit", DEFAULT_BURST_LIMIT, 1, 5_000, problems);
        List<MailDomain> domains = domains(root.get("domains"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new InfraConfig(account, region, tableName, domains, memory, retention, ttl, secret, rate, burst);
    }

    private static List<MailDomain> domains(JsonNode node, List<String> problems) {
        String where = CONTEXT_KEY + ".domains";
        if (node == null || node.isNull()) {
            problems.add(where + ": missing; list the mail domains, e.g. [{\"name\": \"example.com\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.com\"}]");
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
                problems.add(at + ": must be an object with name, hostedZoneId and hostedZoneName");
                continue;
            }
            unknownKeys(domain, KNOWN_DOMAIN_KEYS, at, problems);
            String name = bare(text(domain, "name", at, problems, true, HOST_NAME, "a domain name in lower case (punycode for international names), e.g. example.com"));
            String zoneId = text(domain, "hostedZoneId", at, problems, true, HOSTED_ZONE_ID, "a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ");
            String zoneName = bare(text(domain, "hostedZoneName", at, problems, true, HOST_NAME, "the hosted zone's domain name, e.g. example.com"));
            if (name != null && zoneName != null && !name.equals(zoneName) && !name.endsWith("." + zoneName)) {
                problems.add(at + ": " + name + " is not inside the hosted zone " + zoneName + "; give the zone that holds its records");
            }
            if (name != null && !seen.add(name)) {
                problems.add(at + ": " + name + " is listed twice");
            }
            boolean hosts = true;
            JsonNode hostsNode = domain.get("hosts");
            if (hostsNode != null && !hostsNode.isBoolean()) {
                problems.add(at + ".hosts: must be true or false");
            } else if (hostsNode != null) {
                hosts = hostsNode.booleanValue();
            }
            List<SrvRecord> srv = srv(domain.get("srv"), at + ".srv", name, hosts, problems);
            if (name != null && zoneId != null && zoneName != null) {
                domains.add(new MailDomain(name, zoneId, zoneName, hosts, srv));
            }
        }
        return domains;
    }

    /** {@code "imaps": "imap.example.com"} or {@code "imaps": "imap.example.com:10993"}, in RFC order; autodiscover defaults to the domain's own host. */
    private static List<SrvRecord> srv(JsonNode node, String where, String domain, boolean hosts, List<String> problems) {
        List<SrvRecord> records = new ArrayList<>();
        boolean autodiscover = false;
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                problems.add(where + ": must be an object such as {\"imaps\": \"imap.example.com\", \"submissions\": \"smtp.example.com\"}");
                return records;
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                Optional<SrvService> service = SrvService.of(key);
                if (service.isEmpty()) {
                    problems.add(where + "." + key + ": unknown SRV service; use imaps, submissions, pop3s or autodiscover");
                    continue;
                }
                JsonNode value = node.get(key);
                String target = value.isTextual() ? value.textValue().strip().toLowerCase(Locale.ROOT) : "";
                int port = service.get().port;
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
                    problems.add(where + "." + key + ": must be a host name, optionally with :port, e.g. \"imap.example.com\" or \"imap.example.com:"
                            + service.get().port + "\"");
                    continue;
                }
                autodiscover |= service.get() == SrvService.AUTODISCOVER;
                records.add(new SrvRecord(service.get().key, target, port));
            }
        }
        if (!autodiscover && domain != null) {
            if (hosts) {
                records.add(new SrvRecord(SrvService.AUTODISCOVER.key, "autodiscover." + domain, SrvService.AUTODISCOVER.port));
            } else {
                problems.add(where + ".autodiscover: a domain without hosts needs the host Outlook should ask instead,"
                        + " e.g. \"autodiscover\": \"autodiscover.example.com\" (a domain served here)");
            }
        }
        records.sort((a, b) -> SrvService.of(a.service()).orElseThrow().compareTo(SrvService.of(b.service()).orElseThrow()));
        return List.copyOf(records);
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(where + "." + name + ": unknown setting; known are " + known.stream().sorted().toList());
            }
        }
    }

    private static String text(JsonNode node, String key, String where, List<String> problems, boolean required,
            Pattern pattern, String expected) {
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

    /** Lower case, without the root's trailing dot. */
    private static String bare(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static int number(JsonNode node, String key, int fallback, int min, int max, List<String> problems) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.add(CONTEXT_KEY + "." + key + ": " + value + " must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return value.intValue();
    }
}
