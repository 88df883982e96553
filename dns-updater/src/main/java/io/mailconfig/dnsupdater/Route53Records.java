package io.mailconfig.dnsupdater;

import io.mailconfig.dnsrecords.TableRecords;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The record sets of a Route 53 zone as the updater reads and writes them: one name and type at a
 * time, TXT texts without their quotes. A TXT text over 255 characters is split into several
 * strings of one record, which resolvers and clients join again.
 */
final class Route53Records {

    /** What a record set holds now. */
    record Current(ResourceRecordSet set, List<String> values) {
    }

    private final Route53Client route53;

    Route53Records(Route53Client route53) {
        this.route53 = route53;
    }

    Optional<Current> read(String hostedZoneId, TableRecords.Key key) {
        String name = key.name() + ".";
        ListResourceRecordSetsResponse page = route53.listResourceRecordSets(request -> request.hostedZoneId(hostedZoneId)
                .startRecordName(name).startRecordType(key.type()).maxItems("1"));
        return page.resourceRecordSets().stream()
                .filter(set -> set.name().equalsIgnoreCase(name) && set.typeAsString().equals(key.type()))
                .findFirst()
                .map(set -> new Current(set, set.resourceRecords().stream()
                        .map(record -> key.type().equals("TXT") ? unquoted(record.value()) : record.value()).toList()));
    }

    void change(String hostedZoneId, String comment, List<Change> changes) {
        route53.changeResourceRecordSets(request -> request.hostedZoneId(hostedZoneId)
                .changeBatch(batch -> batch.comment(comment).changes(changes)));
    }

    static Change upsert(TableRecords.Key key, List<String> values, int ttl) {
        return Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(ResourceRecordSet.builder()
                .name(key.name() + ".").type(key.type()).ttl((long) ttl)
                .resourceRecords(values.stream().map(value -> ResourceRecord.builder()
                        .value(key.type().equals("TXT") ? TableRecords.txtData(value) : value).build()).toList())
                .build()).build();
    }

    /** Route 53 deletes a record set only when it is named exactly as it stands. */
    static Change delete(Current current) {
        return Change.builder().action(ChangeAction.DELETE).resourceRecordSet(current.set()).build();
    }

    /** The text of a TXT value as Route 53 gives it: its quoted strings joined. */
    static String unquoted(String value) {
        StringBuilder text = new StringBuilder(value.length());
        boolean inside = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                inside = !inside;
            } else if (inside && c == '\\' && i + 1 < value.length()) {
                text.append(value.charAt(++i));
            } else if (inside) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
