package io.mailconfig.xml;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes indented XML through the JDK's StAX writer, which escapes markup characters in text and
 * attributes. Characters that XML 1.0 cannot carry at all (control characters a hand-edited item
 * might hold) are dropped, so the document stays well-formed whatever the table contains.
 */
public final class XmlWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    /** A new line and the indentation of each depth, built once: most documents nest a few levels. */
    private static final String[] NEW_LINES = new String[16];

    static {
        for (int depth = 0; depth < NEW_LINES.length; depth++) {
            NEW_LINES[depth] = "\n" + "  ".repeat(depth);
        }
    }

    /** Characters, encoded once at the end: StAX encoding to a byte stream char by char costs more. */
    private final StringWriter text = new StringWriter(2048);
    private final XMLStreamWriter out;
    private int depth;
    private boolean lastWasStart;

    public XmlWriter() {
        try {
            out = FACTORY.createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; attributes come as name, value pairs. */
    public XmlWriter start(String name, String... attributes) {
        return start(null, name, attributes);
    }

    /** Opens an element that declares a default namespace. */
    public XmlWriter startWithNamespace(String namespace, String name, String... attributes) {
        return start(namespace, name, attributes);
    }

    private XmlWriter start(String namespace, String name, String... attributes) {
        try {
            newLine();
            out.writeStartElement(name);
            if (namespace != null) {
                out.writeDefaultNamespace(namespace);
            }
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                out.writeAttribute(attributes[i], clean(attributes[i + 1]));
            }
            depth++;
            lastWasStart = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public XmlWriter end() {
        try {
            depth--;
            if (!lastWasStart) {
                newLine();
            }
            out.writeEndElement();
            lastWasStart = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text. */
    public XmlWriter element(String name, String text, String... attributes) {
        try {
            start(name, attributes);
            out.writeCharacters(clean(text));
            depth--;
            out.writeEndElement();
            lastWasStart = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] toBytes() {
        try {
            while (depth > 0) {
                end();
            }
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.close();
            return text.toString().getBytes(StandardCharsets.UTF_8);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void newLine() throws XMLStreamException {
        out.writeCharacters(depth < NEW_LINES.length ? NEW_LINES[depth] : "\n" + "  ".repeat(depth));
    }

    /** Removes what XML 1.0 forbids: C0 controls but tab, CR and LF; lone surrogates; U+FFFE and U+FFFF. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (kept != null) {
                    kept.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }
}
