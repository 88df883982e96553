package io.mailconfig.protocol.mtasts;

import io.mailconfig.model.MtaStsPolicy;
import io.mailconfig.protocol.Sha256;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The TXT records that go with a hosted policy: {@code _mta-sts.<domain>}, {@code v=STSv1; id=<id>}
 * (RFC 8461 section 3.1), and {@code _smtp._tls.<domain>}, {@code v=TLSRPTv1; rua=<URIs>}
 * (RFC 8460 section 3). The id is the start of the SHA-256 of the policy file, so it changes
 * exactly when the policy does and needs no counter kept anywhere.
 */
public final class MtaStsRecords {

    public static final String POLICY_NAME_PREFIX = "_mta-sts.";
    public static final String REPORT_NAME_PREFIX = "_smtp._tls.";
    /** RFC 8461 allows 1 to 32 letters and digits; 20 hex digits are 80 bits of the digest. */
    static final int ID_LENGTH = 20;

    private MtaStsRecords() {
    }

    /** The policy's id: 20 lower-case hex digits of the SHA-256 of its file. */
    public static String id(MtaStsPolicy policy) {
        return HexFormat.of().formatHex(Sha256.of(MtaStsPolicyFile.render(policy))).substring(0, ID_LENGTH);
    }

    /** The text of the {@code _mta-sts} TXT record. */
    public static String policyTxt(MtaStsPolicy policy) {
        return "v=" + MtaStsPolicyFile.VERSION + "; id=" + id(policy);
    }

    /** The text of the {@code _smtp._tls} TXT record: the report URIs, separated by commas. */
    public static String reportTxt(List<URI> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("TLS-RPT needs at least one report address");
        }
        return "v=TLSRPTv1; rua=" + reports.stream().map(URI::toString).collect(Collectors.joining(","));
    }
}
