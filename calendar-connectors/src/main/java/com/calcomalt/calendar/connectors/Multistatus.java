package com.calcomalt.calendar.connectors;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** A WebDAV 207 multistatus answer, read namespace-aware with the JDK's DOM. */
final class Multistatus {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";

    /** One resource of the answer with the properties the server found for it (status 200). */
    record Response(String href, List<Element> properties) {

        Optional<Element> property(String namespace, String localName) {
            return properties.stream()
                    .filter(p -> namespace.equals(p.getNamespaceURI()) && localName.equals(p.getLocalName()))
                    .findFirst();
        }

        Optional<String> text(String namespace, String localName) {
            return property(namespace, localName).map(p -> p.getTextContent().trim()).filter(t -> !t.isEmpty());
        }

        /** The href inside a property such as current-user-principal or calendar-home-set. */
        Optional<String> hrefIn(String namespace, String localName) {
            return property(namespace, localName).flatMap(p -> children(p, DAV, "href").stream().findFirst())
                    .map(h -> h.getTextContent().trim());
        }
    }

    private Multistatus() {
    }

    static List<Response> parse(String xml, String what) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A calendar server's answer has no business declaring entities: refusing them rules out XXE.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new CalendarRefused(what + " did not answer with readable XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
            throw new CalendarRefused(what + " did not answer with a WebDAV multistatus");
        }
        List<Response> responses = new ArrayList<>();
        for (Element response : children(root, DAV, "response")) {
            String href = children(response, DAV, "href").stream().findFirst()
                    .map(h -> h.getTextContent().trim())
                    .orElseThrow(() -> new CalendarRefused(what + " answered a response without href"));
            List<Element> properties = new ArrayList<>();
            for (Element propstat : children(response, DAV, "propstat")) {
                boolean found = children(propstat, DAV, "status").stream()
                        .anyMatch(s -> s.getTextContent().trim().split(" ").length > 1
                                && s.getTextContent().trim().split(" ")[1].startsWith("2"));
                if (found) {
                    children(propstat, DAV, "prop").forEach(prop -> properties.addAll(children(prop)));
                }
            }
            responses.add(new Response(href, properties));
        }
        return responses;
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        return children(parent).stream()
                .filter(e -> namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()))
                .toList();
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }
}
