package io.mailconfig.installation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How the domains' certificates, custom domain names, distributions and Route 53 records are spread
 * over stacks. A domain's stack follows from its name alone (a hash, modulo the number of stacks),
 * so adding or removing a domain changes only its own stack, never moves another domain. The number
 * of stacks is a power of two: when it doubles, a domain either stays or moves from stack {@code i}
 * to stack {@code i + n}, and that stack is deployed after stack {@code i} ({@link #parentOf}), so
 * its records are deleted before they are created again.
 */
public final class DomainStacks {

    /** CloudFormation's limit of resources in one stack. */
    public static final int MAX_RESOURCES = 500;
    /** Kept free in every stack for what CDK adds itself (metadata, the cross-region reference reader, a placeholder). */
    public static final int RESERVED_RESOURCES = 10;
    /** A host pair's certificate. */
    public static final int RESOURCES_PER_HOST_PAIR = 1;
    /** Each host of a pair: its custom domain name and API mapping. */
    public static final int RESOURCES_PER_HOST = 2;
    /** With the edge, each host also has a CloudFront distribution. */
    public static final int EDGE_RESOURCES_PER_HOST = 1;
    /** All of a domain's Route 53 records are one record set group. */
    public static final int RESOURCES_PER_ROUTE53_DOMAIN = 1;
    public static final int MAX_STACKS = 256;

    /** The host pairs and Route 53 records of one stack. */
    public record Stack(int index, List<HostPair> hostPairs, List<DomainRecords> route53Records, int resources) {
    }

    private final List<Stack> stacks;

    DomainStacks(int count, List<HostPair> hostPairs, List<DomainRecords> records, boolean edge) {
        List<List<HostPair>> pairs = new ArrayList<>();
        List<List<DomainRecords>> route53 = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pairs.add(new ArrayList<>());
            route53.add(new ArrayList<>());
        }
        hostPairs.forEach(pair -> pairs.get(index(pair.domain(), count)).add(pair));
        records.stream().filter(r -> r.dns().isRoute53() && !r.records().isEmpty())
                .forEach(r -> route53.get(index(r.domain(), count)).add(r));
        List<Stack> all = new ArrayList<>();
        int perHost = RESOURCES_PER_HOST + (edge ? EDGE_RESOURCES_PER_HOST : 0);
        for (int i = 0; i < count; i++) {
            int resources = route53.get(i).size() * RESOURCES_PER_ROUTE53_DOMAIN;
            for (HostPair pair : pairs.get(i)) {
                resources += RESOURCES_PER_HOST_PAIR + pair.hosts().size() * perHost;
            }
            all.add(new Stack(i, List.copyOf(pairs.get(i)), List.copyOf(route53.get(i)), resources));
        }
        this.stacks = List.copyOf(all);
    }

    public List<Stack> all() {
        return stacks;
    }

    public Stack of(String domain) {
        return stacks.get(index(domain, stacks.size()));
    }

    /** The most resources any stack holds, CDK's own not counted. */
    public int largest() {
        return stacks.stream().mapToInt(Stack::resources).max().orElse(0);
    }

    /** The stack whose domains this one took over when the number of stacks last doubled; none for stack 0. */
    public static OptionalInt parentOf(int index) {
        return index == 0 ? OptionalInt.empty() : OptionalInt.of(index - Integer.highestOneBit(index));
    }

    /** The stack of a domain among {@code count}: the first 8 bytes of the SHA-256 of its name, modulo count. */
    public static int index(String domain, int count) {
        byte[] digest = sha256(domain.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(value, count);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
