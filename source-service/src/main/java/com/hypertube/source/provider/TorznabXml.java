package com.hypertube.source.provider;

import com.hypertube.web.client.ProviderException;
import com.hypertube.web.client.ProviderException.Reason;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads Torznab's XML: the capabilities ({@code t=caps}), the RSS feed of a search, and the {@code <error
 * code=".." description=".."/>} any call may answer instead. An indexer is a server someone else runs, so the
 * parser takes no DTD at all (a document with a DOCTYPE is refused): no external entity, no entity expansion,
 * nothing fetched or read from disk because a document says so (OWASP's XXE advice, first option).
 */
final class TorznabXml {

    /** What an indexer can search by id. */
    record Caps(boolean movieByImdb, boolean tvByImdb) {}

    /** One RSS item: its plain elements and its {@code torznab:attr name=value} pairs. */
    record Item(String title, String size, String link, String enclosureUrl, Map<String, String> attrs) {}

    private static final ErrorHandler FAIL = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private TorznabXml() {}

    static Caps caps(String indexer, String body) {
        Element root = root(indexer, body, "caps");
        return new Caps(
                searchable(root, "movie-search", Set.of("imdbid")),
                searchable(root, "tv-search", Set.of("imdbid", "season", "ep")));
    }

    static List<Item> items(String indexer, String body) {
        Element root = root(indexer, body, "rss");
        List<Item> items = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("item");
        for (int i = 0; i < nodes.getLength(); i++) {
            items.add(item((Element) nodes.item(i)));
        }
        return items;
    }

    private static Item item(Element item) {
        String title = null;
        String size = null;
        String link = null;
        String enclosure = null;
        Map<String, String> attrs = new HashMap<>();
        for (Node node = item.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element child)) {
                continue;
            }
            switch (localName(child)) {
                case "title" -> title = child.getTextContent();
                case "size" -> size = child.getTextContent();
                case "link" -> link = child.getTextContent();
                case "enclosure" -> enclosure = child.getAttribute("url");
                // torznab:attr, or newznab:attr from indexers that reuse Newznab's namespace
                case "attr" -> attrs.putIfAbsent(child.getAttribute("name"), child.getAttribute("value"));
                default -> {}
            }
        }
        return new Item(title, size, link, enclosure, attrs);
    }

    private static boolean searchable(Element caps, String mode, Set<String> needed) {
        NodeList modes = caps.getElementsByTagName(mode);
        if (modes.getLength() == 0) {
            return false;
        }
        Element element = (Element) modes.item(0);
        Set<String> params =
                Set.copyOf(Arrays.stream(element.getAttribute("supportedParams").split(","))
                        .map(String::strip)
                        .toList());
        return "yes".equals(element.getAttribute("available")) && params.containsAll(needed);
    }

    /** The root element, which must be {@code expected}; an {@code <error>} or anything else throws. */
    private static Element root(String indexer, String body, String expected) {
        Element root = parse(indexer, body).getDocumentElement();
        String name = localName(root);
        if (name.equals("error")) {
            throw error(indexer, root.getAttribute("code"), root.getAttribute("description"));
        }
        if (!name.equals(expected)) {
            throw new ProviderException(
                    indexer,
                    Reason.MALFORMED,
                    "answered <" + FoundSource.clean(name) + "> for <" + expected + ">",
                    null,
                    null);
        }
        return root;
    }

    /**
     * Newznab's codes: 100-102 are the key (wrong, suspended, not allowed), 9xx the indexer itself (API off,
     * unknown error), the rest a request it did not take.
     */
    private static ProviderException error(String indexer, String code, String description) {
        Reason reason;
        if (code.startsWith("10")) {
            reason = Reason.REFUSED_KEY;
        } else if (code.startsWith("9")) {
            reason = Reason.UNAVAILABLE;
        } else {
            reason = Reason.MALFORMED;
        }
        String said = FoundSource.clean(description);
        said = said == null ? "" : said.substring(0, Math.min(200, said.length()));
        return new ProviderException(indexer, reason, "error " + FoundSource.clean(code) + ": " + said, null, null);
    }

    private static Document parse(String indexer, String body) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(FAIL);
            return builder.parse(new InputSource(new StringReader(body)));
        } catch (SAXException | IOException e) {
            throw new ProviderException(indexer, Reason.MALFORMED, "a body that is not Torznab's XML", null, e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        }
    }

    // A factory is not thread-safe: one per document (searches of several indexers run at once).
    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // Belt and braces, should a parser ignore the feature above.
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
