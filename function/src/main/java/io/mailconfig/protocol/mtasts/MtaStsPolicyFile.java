package io.mailconfig.protocol.mtasts;

import io.mailconfig.model.MtaStsPolicy;
import java.nio.charset.StandardCharsets;

/**
 * The policy file of RFC 8461 section 3.2, {@code /.well-known/mta-sts.txt}: one {@code key: value}
 * line each, ended by CRLF, in the order of the RFC's example. The same policy always gives the
 * same bytes, so the {@code _mta-sts} record's id follows them ({@link MtaStsRecords#id}).
 */
public final class MtaStsPolicyFile {

    /** The only version RFC 8461 defines. */
    public static final String VERSION = "STSv1";
    private static final String END_OF_LINE = "\r\n";

    private MtaStsPolicyFile() {
    }

    public static byte[] render(MtaStsPolicy policy) {
        StringBuilder text = new StringBuilder(128);
        line(text, "version", VERSION);
        line(text, "mode", policy.mode().id());
        policy.mx().forEach(pattern -> line(text, "mx", pattern));
        line(text, "max_age", Long.toString(policy.maxAge()));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(": ").append(value).append(END_OF_LINE);
    }
}
