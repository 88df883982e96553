package io.mailconfig.cli.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailconfig.cli.doctor.Finding.Status;
import java.util.List;
import java.util.Locale;

/** Every finding of one run, printed one line each for people or as one JSON document for machines. */
public record Report(String domain, String address, List<Finding> findings) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Wide enough for the longest check name, so the columns line up. */
    private static final int CHECK_WIDTH = 12;

    public Report {
        findings = List.copyOf(findings);
    }

    public long count(Status status) {
        return findings.stream().filter(finding -> finding.status() == status).count();
    }

    public boolean failed() {
        return count(Status.FAIL) > 0;
    }

    /** One line per check, {@code STATUS check  asked: got}, then for a WARN or FAIL an indented line saying what to change. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("mailconfig doctor: ").append(domain).append(" as ").append(address).append('\n');
        for (Finding finding : findings) {
            out.append(String.format(Locale.ROOT, "%-4s %-" + CHECK_WIDTH + "s %s: %s%n", finding.status(), finding.check(),
                    finding.asked(), finding.got()));
            finding.fix().ifPresent(fix -> out.append("     ").append(" ".repeat(CHECK_WIDTH)).append(" fix: ").append(fix).append('\n'));
        }
        out.append(String.format(Locale.ROOT, "%s: %d PASS, %d WARN, %d FAIL%n", domain, count(Status.PASS), count(Status.WARN),
                count(Status.FAIL)));
        return out.toString();
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("domain", domain);
        root.put("address", address);
        ArrayNode checks = root.putArray("checks");
        for (Finding finding : findings) {
            ObjectNode node = checks.addObject();
            node.put("status", finding.status().name());
            node.put("check", finding.check());
            node.put("asked", finding.asked());
            node.put("got", finding.got());
            finding.fix().ifPresent(fix -> node.put("fix", fix));
        }
        ObjectNode summary = root.putObject("summary");
        for (Status status : Status.values()) {
            summary.put(status.name().toLowerCase(Locale.ROOT), count(status));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
