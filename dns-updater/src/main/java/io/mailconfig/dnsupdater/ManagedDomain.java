package io.mailconfig.dnsupdater;

import io.mailconfig.dnsrecords.TableRecords;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A domain whose records the updater keeps: its Route 53 zone and the kinds of record it
 * publishes. The CDK app hands the list to the function in {@value #ENVIRONMENT}, written by
 * {@link #format} as {@code example.com Z0123 pacc,mta-sts;example.net Z0456 dav}.
 */
public record ManagedDomain(String name, String hostedZoneId, Set<TableRecords.Kind> kinds) {

    public static final String ENVIRONMENT = "MANAGED_DOMAINS";

    public ManagedDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        kinds = Set.copyOf(kinds);
    }

    public static String format(List<ManagedDomain> domains) {
        return domains.stream().map(domain -> domain.name + " " + domain.hostedZoneId + " "
                        + domain.kinds.stream().sorted().map(TableRecords.Kind::id).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    /** @throws IllegalArgumentException naming the entry that is not of the form {@link #format} writes */
    public static List<ManagedDomain> parse(String text) {
        List<ManagedDomain> domains = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return domains;
        }
        for (String entry : text.split(";")) {
            String[] parts = entry.strip().split(" ");
            if (parts.length != 3) {
                throw new IllegalArgumentException(ENVIRONMENT + ": \"" + entry + "\" is not \"<domain> <hosted zone id> <kinds>\"");
            }
            Set<TableRecords.Kind> kinds = EnumSet.noneOf(TableRecords.Kind.class);
            for (String kind : parts[2].split(",")) {
                kinds.add(TableRecords.Kind.parse(kind)
                        .orElseThrow(() -> new IllegalArgumentException(ENVIRONMENT + ": unknown kind of record " + kind)));
            }
            domains.add(new ManagedDomain(parts[0], parts[1], kinds));
        }
        return List.copyOf(domains);
    }
}
