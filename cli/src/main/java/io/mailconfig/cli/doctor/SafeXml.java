package io.mailconfig.cli.doctor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** XML from a server under examination: parsed without DTDs or entities, read by local element names. */
final class SafeXml {

    private SafeXml() {
    }

    /** @throws IllegalArgumentException with the parser's reason when the bytes are not well-formed XML */
    static Element root(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(body));
            return document.getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + Optional.ofNullable(e.getMessage()).orElse(e.toString()), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's parser has these features", e);
        }
    }

    static String name(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name(element).equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The text of the first child of that name, trimmed; empty when there is no such child. */
    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().strip());
    }

    /** Whether the element holds only text, as strict readers require of a value. */
    static boolean textOnly(Element element) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                return false;
            }
        }
        return true;
    }
}
