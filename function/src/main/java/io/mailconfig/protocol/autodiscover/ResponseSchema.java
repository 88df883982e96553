package io.mailconfig.protocol.autodiscover;

import java.util.Optional;

/** The response schemas mailconfig can answer in, named by their namespace as clients send it. */
enum ResponseSchema {
    /** Outlook, Windows Mail, eM Client, Thunderbird: IMAP, POP3 and SMTP settings. */
    OUTLOOK("http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a",
            "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"),
    /** Exchange ActiveSync clients (phones, Windows Mail): the MobileSync server. */
    MOBILESYNC("http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006",
            "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006");

    /** The namespace of the outer Autodiscover element of every answer, errors included. */
    static final String AUTODISCOVER_NAMESPACE = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";

    private final String namespace;
    private final String requestNamespace;

    ResponseSchema(String namespace, String requestNamespace) {
        this.namespace = namespace;
        this.requestNamespace = requestNamespace;
    }

    String namespace() {
        return namespace;
    }

    /** The schema a client named; namespaces are URIs, compared as sent apart from surrounding space. */
    static Optional<ResponseSchema> named(String namespace) {
        for (ResponseSchema schema : values()) {
            if (schema.namespace.equals(namespace.strip())) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    /** The schema implied by the request's own namespace, for clients that leave AcceptableResponseSchema out. */
    static ResponseSchema forRequestNamespace(String requestNamespace) {
        return MOBILESYNC.requestNamespace.equals(requestNamespace) ? MOBILESYNC : OUTLOOK;
    }
}
