package io.mailconfig.protocol.pacc;

import io.mailconfig.protocol.Sha256;
import java.util.Base64;

/**
 * The {@code _ua-auto-config.<domain>} TXT record that lets a client trust the PACC document it
 * fetched: {@code v=UAAC1; a=sha256; d=<base64 of the SHA-256 of the exact body>}. A client accepts
 * the document when any of the name's TXT records carries its digest, so during a change the old
 * and the new record stand side by side.
 */
public final class PaccRecord {

    /** The record's name in front of the domain. */
    public static final String NAME_PREFIX = "_ua-auto-config.";
    static final String VERSION = "UAAC1";
    static final String ALGORITHM = "sha256";

    private PaccRecord() {
    }

    /** The TXT record's text for a document's bytes. */
    public static String txt(byte[] document) {
        return "v=" + VERSION + "; a=" + ALGORITHM + "; d=" + Base64.getEncoder().encodeToString(Sha256.of(document));
    }

    /** The record's name for a domain, without the root's dot. */
    public static String name(String domain) {
        return NAME_PREFIX + domain;
    }

}
