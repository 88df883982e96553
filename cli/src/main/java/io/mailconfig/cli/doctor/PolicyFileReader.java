package io.mailconfig.cli.doctor;

import io.mailconfig.model.MtaStsPolicy;
import io.mailconfig.protocol.mtasts.MtaStsPolicyFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An MTA-STS policy file read as a sending server reads it (RFC 8461 section 3.2): {@code key: value}
 * lines ended by CRLF, {@code version: STSv1}, one {@code mode}, one {@code max_age}, and the
 * {@code mx} patterns; unknown keys are ignored, as the RFC asks.
 */
final class PolicyFileReader {

    private PolicyFileReader() {
    }

    /** @throws IllegalArgumentException saying why a sender would not use the file */
    static MtaStsPolicy read(byte[] body) {
        String text = new String(body, StandardCharsets.US_ASCII);
        Map<String, String> single = new HashMap<>();
        List<String> mx = new ArrayList<>();
        String[] lines = text.split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            if (line.contains("\n")) {
                throw new IllegalArgumentException("a line ends in LF, not CRLF");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not key: value");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("mx")) {
                mx.add(value);
            } else if (single.putIfAbsent(key, value) != null && List.of("version", "mode", "max_age").contains(key)) {
                throw new IllegalArgumentException(key + " is given twice");
            }
        }
        if (!MtaStsPolicyFile.VERSION.equals(single.get("version"))) {
            throw new IllegalArgumentException("version is " + Optional.ofNullable(single.get("version")).orElse("missing")
                    + ", not " + MtaStsPolicyFile.VERSION);
        }
        MtaStsPolicy.Mode mode = Optional.ofNullable(single.get("mode")).flatMap(MtaStsPolicy.Mode::parse)
                .orElseThrow(() -> new IllegalArgumentException("mode is " + Optional.ofNullable(single.get("mode")).orElse("missing")
                        + ", not enforce, testing or none"));
        String maxAge = Optional.ofNullable(single.get("max_age")).orElseThrow(() -> new IllegalArgumentException("max_age is missing"));
        if (!maxAge.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("max_age " + maxAge + " is not a number of seconds");
        }
        return new MtaStsPolicy(mode, mx, Long.parseLong(maxAge));
    }
}
