package com.frontline.tenants;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * Checks an uploaded workspace logo. The type comes from the file's content, never from its name or the declared
 * content type: PNG and JPEG by their magic bytes, with the dimensions read from the image header only (no pixels are
 * decoded); SVG by parsing it with a hardened XML parser, rejecting anything that could run script or fetch another
 * resource, and re-serialising the parsed document without comments and processing instructions.
 * <p>
 * Serve accepted logos with the returned content type and {@code X-Content-Type-Options: nosniff}.
 */
public final class LogoValidator {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DIMENSION = 4096;

    /** Real logos nest a few levels deep; the limit also keeps the serialiser's recursion shallow. */
    static final int MAX_SVG_DEPTH = 256;

    static final String UNSUPPORTED_TYPE = "Use a PNG, JPEG or SVG logo";

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Length 0, type IEND, CRC: how every complete PNG ends. */
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};
    private static final byte[] JPEG_START = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] JPEG_END = {(byte) 0xff, (byte) 0xd9};

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
            "script", "foreignobject", "iframe", "embed", "object", "handler", "frame", "frameset", "applet");
    private static final Pattern EMBEDDED_RASTER = Pattern.compile("data:image/(?:png|jpeg|jpg|gif|webp)[;,].*",
            Pattern.DOTALL);
    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern WHITESPACE_AND_CONTROLS = Pattern.compile("[\\s\\p{Cc}\\p{Cf}]+");
    private static final int MAX_ECHO_LENGTH = 60;

    private LogoValidator() {
    }

    /** The outcome of {@link #validate}: a {@link ValidLogo} to store, or a {@link RejectedLogo} to show. */
    public sealed interface Result permits ValidLogo, RejectedLogo {
    }

    /** A logo safe to store and serve: the bytes to keep (for SVG, the cleaned document) and their content type. */
    public record ValidLogo(byte[] bytes, String contentType) implements Result {

        public ValidLogo {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof ValidLogo that && Arrays.equals(bytes, that.bytes)
                    && contentType.equals(that.contentType);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(bytes) + contentType.hashCode();
        }

        @Override
        public String toString() {
            return "ValidLogo[" + contentType + ", " + bytes.length + " bytes]";
        }
    }

    /** A rejected upload, with a one-sentence message for the user that says what to do. */
    public record RejectedLogo(String message) implements Result {
    }

    /**
     * Checks an uploaded logo. {@code declaredFilename} is only quoted in messages; it never decides the type.
     */
    public static Result validate(byte[] bytes, @Nullable String declaredFilename) {
        if (bytes.length == 0) {
            return reject("The logo file is empty; choose a PNG, JPEG or SVG image");
        }
        if (bytes.length > MAX_BYTES) {
            return reject(tooLarge(bytes.length));
        }
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return raster(bytes, "png", "image/png", PNG_END);
        }
        if (startsWith(bytes, JPEG_START)) {
            return raster(bytes, "jpeg", "image/jpeg", JPEG_END);
        }
        String text = decodeText(bytes);
        if (text.stripLeading().startsWith("<")) {
            return svg(bytes, text, declaredFilename);
        }
        return unsupported(declaredFilename);
    }

    private static Result raster(byte[] bytes, String format, String contentType, byte[] end) {
        int width;
        int height;
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        // A memory cache: ImageIO.createImageInputStream would spool to a temporary file.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            return unreadable();
        } finally {
            reader.dispose();
        }
        if (width < 1 || height < 1) {
            return unreadable();
        }
        if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
            return reject("The logo is " + width + "×" + height + " pixels; use an image of at most "
                    + MAX_DIMENSION + "×" + MAX_DIMENSION + " pixels");
        }
        // A truncated file, or one with something (such as HTML) appended after the image: not a clean image.
        if (!endsWith(bytes, end)) {
            return unreadable();
        }
        return new ValidLogo(bytes, contentType);
    }

    private static Result svg(byte[] bytes, String text, @Nullable String declaredFilename) {
        String lower = text.toLowerCase(Locale.ROOT);
        // The parser refuses any DTD; these checks only give the refusal a precise message.
        if (lower.contains("<!entity")) {
            return unsafeSvg("an XML entity declaration (<!ENTITY)");
        }
        if (!firstElementIsSvg(lower)) {
            return unsupported(declaredFilename);
        }
        if (lower.contains("<!doctype")) {
            return reject("The SVG logo contains a DOCTYPE declaration, which is not allowed; "
                    + "remove the <!DOCTYPE …> part or export the file again without it");
        }
        Document document;
        try {
            document = parse(bytes);
        } catch (SAXException | IOException e) {
            return reject("The SVG logo could not be read (it is not well-formed XML or is nested too deeply); "
                    + "export it again from your design tool");
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName())) {
            return unsupported(declaredFilename);
        }
        if (!SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            return reject("The SVG logo's <svg> element lacks xmlns=\"" + SVG_NAMESPACE
                    + "\"; add it or export the file again from your design tool");
        }
        String problem = findProblem(document);
        if (problem != null) {
            return unsafeSvg(problem);
        }
        byte[] cleaned;
        try {
            cleaned = serialize(document);
        } catch (TransformerException e) {
            return reject("The SVG logo could not be processed; export it again from your design tool");
        }
        if (cleaned.length > MAX_BYTES) {
            return reject(tooLarge(cleaned.length));
        }
        return new ValidLogo(cleaned, "image/svg+xml");
    }

    /**
     * Whether the first element is {@code <svg}, after an optional XML declaration, processing instructions, comments
     * and a DOCTYPE; anything else that starts with {@code <} (HTML, other XML) is not taken for an SVG. A plain scan
     * rather than a regular expression, whose backtracking a crafted upload could make slow.
     */
    private static boolean firstElementIsSvg(String lower) {
        int i = skipWhitespace(lower, 0);
        while (true) {
            int end;
            if (lower.startsWith("<?", i)) {
                end = endOf(lower, "?>", i);
            } else if (lower.startsWith("<!--", i)) {
                end = endOf(lower, "-->", i);
            } else if (lower.startsWith("<!doctype", i)) {
                int close = lower.indexOf('>', i);
                int subset = lower.indexOf('[', i);
                end = subset >= 0 && subset < close ? endOf(lower, ">", endOf(lower, "]", subset)) : close + 1;
                if (close < 0) {
                    end = -1;
                }
            } else {
                break;
            }
            if (end < 0) {
                return false;
            }
            i = skipWhitespace(lower, end);
        }
        return lower.startsWith("<svg", i) && i + 4 < lower.length()
                && (Character.isWhitespace(lower.charAt(i + 4)) || lower.charAt(i + 4) == '>'
                || lower.charAt(i + 4) == '/');
    }

    /** The index just after the next {@code token} at or after {@code from}, or -1. */
    private static int endOf(String text, String token, int from) {
        if (from < 0) {
            return -1;
        }
        int at = text.indexOf(token, from);
        return at < 0 ? -1 : at + token.length();
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Parses with DTDs, external entities and XInclude all refused; package-private for tests. */
    static Document parse(byte[] bytes) throws SAXException, IOException {
        DocumentBuilder builder;
        try {
            // The JDK's own parser, whatever else is on the class path: the features below are known to work there.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setIgnoringComments(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_SVG_DEPTH));
            builder = factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a security feature", e);
        }
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("External entities are not allowed");
        });
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
    }

    /**
     * Walks the document (without recursion), removing comments and processing instructions, and returns what makes
     * it unsafe, or null.
     */
    private static @Nullable String findProblem(Document document) {
        List<Node> toRemove = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            switch (node.getNodeType()) {
                case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> toRemove.add(node);
                case Node.ENTITY_REFERENCE_NODE, Node.DOCUMENT_TYPE_NODE -> {
                    return "an XML entity or DOCTYPE";
                }
                case Node.ELEMENT_NODE -> {
                    String problem = elementProblem((Element) node);
                    if (problem != null) {
                        return problem;
                    }
                }
                default -> {
                }
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPreviousSibling()) {
                pending.push(child);
            }
        }
        toRemove.forEach(node -> node.getParentNode().removeChild(node));
        return null;
    }

    private static @Nullable String elementProblem(Element element) {
        String name = localName(element);
        if (FORBIDDEN_ELEMENTS.contains(name)) {
            return "a <" + element.getNodeName() + "> element";
        }
        if (XHTML_NAMESPACE.equals(element.getNamespaceURI())) {
            return "an HTML element (<" + element.getNodeName() + ">)";
        }
        if (name.equals("style")) {
            String problem = cssProblem(element.getTextContent());
            if (problem != null) {
                return problem;
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String problem = attributeProblem((Attr) attributes.item(i));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static @Nullable String attributeProblem(Attr attribute) {
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
            return null;
        }
        String name = localName(attribute);
        String value = attribute.getValue();
        boolean plain = attribute.getNamespaceURI() == null;
        if (name.startsWith("on")) {
            return "an event handler attribute (" + attribute.getName() + ")";
        }
        // Browsers parse plain presentation attributes (fill, filter, ...) as CSS, where escapes could hide a url(.
        // Namespaced editor attributes such as inkscape:export-filename may hold Windows paths, so are exempt.
        if (plain && value.indexOf('\\') >= 0) {
            return "CSS escape sequences (\\) in the " + attribute.getName() + " attribute";
        }
        String squeezed = squeeze(value);
        if (squeezed.contains("javascript:") || squeezed.contains("vbscript:")) {
            return "a script link (" + echo(value) + ")";
        }
        if (squeezed.contains("data:text/html") || squeezed.contains("data:application/xhtml")) {
            return "an HTML data: URL (" + echo(value) + ")";
        }
        if (name.equals("href")) {
            String problem = referenceProblem(value);
            if (problem != null) {
                return problem;
            }
        }
        if (name.equals("attributename")) {
            String animated = squeezed.substring(squeezed.indexOf(':') + 1);
            if (animated.equals("href") || animated.startsWith("on")) {
                return "an animation that changes a link or an event handler (" + echo(value) + ")";
            }
        }
        if (name.equals("style")) {
            return cssProblem(value);
        }
        // Presentation attributes such as fill, filter, clip-path and mask take url(...) references too.
        return urlProblem(value);
    }

    private static @Nullable String cssProblem(String css) {
        String lower = CSS_COMMENT.matcher(css.toLowerCase(Locale.ROOT)).replaceAll(" ");
        if (lower.contains("\\")) {
            return "CSS escape sequences (\\)";
        }
        if (lower.contains("@import")) {
            return "a CSS @import";
        }
        if (lower.contains("http:") || lower.contains("https:") || lower.contains("\"//")
                || lower.contains("'//")) {
            return "an external reference in its CSS";
        }
        if (squeeze(lower).contains("expression(")) {
            return "a CSS expression()";
        }
        return urlProblem(lower);
    }

    /**
     * Every {@code url(...)} in {@code text} must point into the document or be an embedded raster image. Read by
     * hand rather than with a regular expression because CSS also accepts a {@code url(} left open at the end.
     */
    private static @Nullable String urlProblem(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int start = lower.indexOf("url("); start >= 0; start = lower.indexOf("url(", start + 1)) {
            int from = start + 4;
            while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            int to;
            if (from < text.length() && (text.charAt(from) == '"' || text.charAt(from) == '\'')) {
                char quote = text.charAt(from++);
                to = text.indexOf(quote, from);
            } else {
                to = text.indexOf(')', from);
            }
            String problem = referenceProblem(text.substring(from, to < 0 ? text.length() : to));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** A reference may point into the document ({@code #id}) or embed a PNG, JPEG, GIF or WebP image. */
    private static @Nullable String referenceProblem(String reference) {
        String squeezed = squeeze(reference);
        if (squeezed.isEmpty() || squeezed.startsWith("#") || EMBEDDED_RASTER.matcher(squeezed).matches()) {
            return null;
        }
        return "an external reference (" + echo(reference) + ")";
    }

    private static byte[] serialize(Document document) throws TransformerException {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer();
        transformer.setOutputProperty(OutputKeys.METHOD, "xml");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        // To a Writer, then UTF-8 here: given a stream, the JDK's serialiser keeps the input's encoding (UTF-16, say)
        // whatever the ENCODING property says.
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text for the pre-parse checks, honouring a UTF-16 byte order mark; the parser does its own decoding. */
    private static String decodeText(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (startsWith(bytes, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf})) {
            offset = 3;
        } else if (startsWith(bytes, new byte[] {(byte) 0xfe, (byte) 0xff})) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xfe})) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    private static String localName(Node node) {
        String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        return name.toLowerCase(Locale.ROOT);
    }

    /** Lowercase, without the whitespace and control characters that browsers ignore inside URLs. */
    private static String squeeze(String value) {
        return WHITESPACE_AND_CONTROLS.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String tooLarge(int size) {
        BigDecimal megabytes = BigDecimal.valueOf(size).divide(BigDecimal.valueOf(MAX_BYTES), 2, RoundingMode.UP);
        return "The logo is " + megabytes.toPlainString() + " MB but the limit is 1 MB; "
                + "use a smaller or more compressed image";
    }

    private static Result unreadable() {
        return reject("The logo image could not be read and may be damaged; export it again as PNG or JPEG");
    }

    private static Result unsafeSvg(String problem) {
        return reject("The SVG logo contains " + problem + ", which is not allowed; "
                + "remove it, or upload a PNG or JPEG instead");
    }

    private static Result unsupported(@Nullable String declaredFilename) {
        String name = displayName(declaredFilename);
        return reject(UNSUPPORTED_TYPE + (name.isEmpty() ? "; this file is not one of those"
                : "; the file you chose (" + name + ") is not one of those"));
    }

    /** The last path segment of the declared name, for messages only. */
    private static String displayName(@Nullable String declaredFilename) {
        if (declaredFilename == null) {
            return "";
        }
        String name = declaredFilename.substring(
                Math.max(declaredFilename.lastIndexOf('/'), declaredFilename.lastIndexOf('\\')) + 1);
        return echo(name.strip());
    }

    private static String echo(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(MAX_ECHO_LENGTH).forEach(cp -> {
            int type = Character.getType(cp);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT;
            shown.appendCodePoint(hidden ? '?' : cp);
        });
        if (text.codePointCount(0, text.length()) > MAX_ECHO_LENGTH) {
            shown.append('…');
        }
        return shown.toString();
    }

    private static RejectedLogo reject(String message) {
        return new RejectedLogo(message + ".");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
                && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
    }
}
