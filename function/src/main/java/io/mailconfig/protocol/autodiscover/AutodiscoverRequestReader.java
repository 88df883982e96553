package io.mailconfig.protocol.autodiscover;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a POX Autodiscover request with the JDK's StAX parser, hardened for bodies from anyone on
 * the internet: a document with a DTD is refused outright, so there are no entities to expand
 * (no billion laughs) and nothing external to fetch (no XXE). Elements are matched by local name,
 * since clients disagree on namespaces; unknown elements are skipped.
 */
final class AutodiscoverRequestReader {

    /** Why a body is not a usable request; the message is ours, fit to show a client. */
    static final class InvalidRequestException extends Exception {
        InvalidRequestException(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_VALUE_LENGTH = 1024;
    private static final XMLInputFactory FACTORY = secureFactory();

    private AutodiscoverRequestReader() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        return factory;
    }

    /**
     * @param charset the charset named in the Content-Type, if any; otherwise the parser reads the
     *                byte order mark and the XML declaration
     */
    static AutodiscoverRequest read(byte[] body, Optional<String> charset) throws InvalidRequestException {
        if (body.length == 0) {
            throw new InvalidRequestException("the request has no body");
        }
        XMLStreamReader xml = null;
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            xml = charset.isPresent() ? FACTORY.createXMLStreamReader(in, charset.get()) : FACTORY.createXMLStreamReader(in);
            return read(xml);
        } catch (XMLStreamException | RuntimeException e) {
            // The JDK parser reports some malformed input (bad encodings) as runtime exceptions.
            throw new InvalidRequestException("the request is not well-formed XML");
        } finally {
            close(xml);
        }
    }

    private static AutodiscoverRequest read(XMLStreamReader xml) throws XMLStreamException, InvalidRequestException {
        String rootNamespace = null;
        String address = null;
        String schema = null;
        int depth = 0;
        boolean inRequest = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidRequestException("a DTD or entity is not allowed in an Autodiscover request");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (depth == 1) {
                    if (!"Autodiscover".equals(name)) {
                        throw new InvalidRequestException("the document is not an Autodiscover request");
                    }
                    rootNamespace = xml.getNamespaceURI();
                } else if (depth == 2 && "Request".equals(name)) {
                    inRequest = true;
                } else if (depth == 3 && inRequest && "EMailAddress".equals(name)) {
                    address = text(xml);
                    depth--;
                } else if (depth == 3 && inRequest && "AcceptableResponseSchema".equals(name)) {
                    schema = text(xml);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2) {
                    inRequest = false;
                }
                depth--;
            }
        }
        if (rootNamespace == null) {
            throw new InvalidRequestException("the document is not an Autodiscover request");
        }
        String effectiveSchema = schema == null || schema.isBlank()
                ? ResponseSchema.forRequestNamespace(rootNamespace).namespace() : schema.strip();
        return new AutodiscoverRequest(Optional.ofNullable(address).map(String::strip).filter(a -> !a.isEmpty()),
                effectiveSchema);
    }

    private static String text(XMLStreamReader xml) throws XMLStreamException, InvalidRequestException {
        String text;
        try {
            text = xml.getElementText();
        } catch (XMLStreamException e) {
            throw new InvalidRequestException("EMailAddress and AcceptableResponseSchema must hold only text");
        }
        if (text.length() > MAX_VALUE_LENGTH) {
            throw new InvalidRequestException("a request value is too long");
        }
        return text;
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing was held open beyond the byte array
            }
        }
    }
}
