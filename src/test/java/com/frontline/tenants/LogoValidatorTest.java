package com.frontline.tenants;

import com.frontline.tenants.LogoValidator.RejectedLogo;
import com.frontline.tenants.LogoValidator.Result;
import com.frontline.tenants.LogoValidator.ValidLogo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class LogoValidatorTest {

    private static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">";

    // ---- fixtures ---------------------------------------------------------------------------------------------

    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1a73e8));
        g.fillRect(0, 0, Math.max(1, width / 2), Math.max(1, height / 2));
        g.dispose();
        return write(image, "png");
    }

    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return write(image, "jpeg");
    }

    private static byte[] gif() {
        return write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED), "gif");
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).as("writer for %s", format).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A copy of a PNG whose IHDR chunk claims other dimensions, with a correct CRC; the pixel data is unchanged. */
    private static byte[] withPngDimensions(byte[] png, int width, int height) {
        byte[] crafted = png.clone();
        // 8-byte signature, then IHDR: length (4), "IHDR" (4) at 12, width (4) at 16, height (4) at 20, ... CRC at 29.
        assertThat(new String(crafted, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        ByteBuffer buffer = ByteBuffer.wrap(crafted);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(crafted, 12, 4 + 13);
        buffer.putInt(29, (int) crc.getValue());
        return crafted;
    }

    /** A copy of a baseline JPEG whose SOF0 header claims other dimensions. */
    private static byte[] withJpegDimensions(byte[] jpeg, int width, int height) {
        byte[] crafted = jpeg.clone();
        int i = 2;
        while (i + 4 < crafted.length) {
            assertThat(crafted[i] & 0xff).as("marker at %d", i).isEqualTo(0xff);
            int marker = crafted[i + 1] & 0xff;
            int length = ((crafted[i + 2] & 0xff) << 8) | (crafted[i + 3] & 0xff);
            if (marker == 0xc0) {
                ByteBuffer buffer = ByteBuffer.wrap(crafted);
                buffer.putShort(i + 5, (short) height);
                buffer.putShort(i + 7, (short) width);
                return crafted;
            }
            i += 2 + length;
        }
        throw new AssertionError("No SOF0 segment");
    }

    private static byte[] svg(String body) {
        return (SVG_OPEN + body + "</svg>").getBytes(UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static ValidLogo accepted(Result result) {
        assertThat(result).isInstanceOf(ValidLogo.class);
        return (ValidLogo) result;
    }

    private static String rejected(Result result) {
        assertThat(result).isInstanceOf(RejectedLogo.class);
        String message = ((RejectedLogo) result).message();
        assertThat(message).endsWith(".");
        return message;
    }

    private static String rejected(byte[] bytes) {
        return rejected(LogoValidator.validate(bytes, "logo.svg"));
    }

    private static String acceptedSvg(byte[] bytes) {
        ValidLogo logo = accepted(LogoValidator.validate(bytes, "logo.svg"));
        assertThat(logo.contentType()).isEqualTo("image/svg+xml");
        return new String(logo.bytes(), UTF_8);
    }

    // ---- tests ------------------------------------------------------------------------------------------------

    @Nested
    class FileTypes {

        @Test
        void rejectsAnEmptyFile() {
            assertThat(rejected(LogoValidator.validate(new byte[0], "logo.png")))
                    .isEqualTo("The logo file is empty; choose a PNG, JPEG or SVG image.");
        }

        @Test
        void rejectsFilesOverOneMebibyteSayingSizeAndLimit() {
            byte[] big = Arrays.copyOf(png(4, 4), LogoValidator.MAX_BYTES + 1);
            assertThat(rejected(LogoValidator.validate(big, "logo.png")))
                    .isEqualTo("The logo is 1.01 MB but the limit is 1 MB; use a smaller or more compressed image.");
            byte[] huge = new byte[5 * 1024 * 1024 + 300_000];
            assertThat(rejected(LogoValidator.validate(huge, "logo.png"))).startsWith("The logo is 5.29 MB");
        }

        @Test
        void doesNotRejectExactlyOneMebibyteForItsSize() {
            byte[] padded = Arrays.copyOf(png(4, 4), LogoValidator.MAX_BYTES);
            assertThat(rejected(LogoValidator.validate(padded, "logo.png"))).doesNotContain("limit");
        }

        @Test
        void rejectsGif() {
            assertThat(rejected(LogoValidator.validate(gif(), "logo.gif")))
                    .isEqualTo("Use a PNG, JPEG or SVG logo; the file you chose (logo.gif) is not one of those.");
        }

        @Test
        void rejectsPdf() {
            byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(UTF_8);
            assertThat(rejected(LogoValidator.validate(pdf, "logo.pdf"))).startsWith("Use a PNG, JPEG or SVG logo");
        }

        @Test
        void rejectsPlainText() {
            assertThat(rejected(LogoValidator.validate("just some text".getBytes(UTF_8), null)))
                    .isEqualTo("Use a PNG, JPEG or SVG logo; this file is not one of those.");
        }

        @Test
        void rejectsHtmlNamedAsPng() {
            byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                    .getBytes(UTF_8);
            assertThat(rejected(LogoValidator.validate(html, "logo.png")))
                    .isEqualTo("Use a PNG, JPEG or SVG logo; the file you chose (logo.png) is not one of those.");
        }

        @Test
        void rejectsHtmlContainingAnInlineSvg() {
            byte[] html = ("<html><body>" + SVG_OPEN + "</svg></body></html>").getBytes(UTF_8);
            assertThat(rejected(LogoValidator.validate(html, "logo.svg"))).startsWith("Use a PNG, JPEG or SVG logo");
        }

        @Test
        void rejectsXmlThatIsNotSvg() {
            byte[] xhtml = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"
                    .getBytes(UTF_8);
            assertThat(rejected(LogoValidator.validate(xhtml, "logo.svg"))).startsWith("Use a PNG, JPEG or SVG logo");
        }

        @Test
        void rejectsGifarStylePolyglot() {
            byte[] polyglot = concat("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1),
                    "<script>alert(1)</script>".getBytes(UTF_8));
            assertThat(rejected(LogoValidator.validate(polyglot, "logo.png"))).startsWith("Use a PNG, JPEG or SVG");
        }

        @Test
        void quotesOnlyTheFileNameAndNeutralisesControlCharacters() {
            String message = rejected(LogoValidator.validate(gif(), "C:\\fakepath\\evil\u202egpj.gif"));
            assertThat(message).contains("(evil?gpj.gif)").doesNotContain("fakepath");
        }
    }

    @Nested
    class Raster {

        @Test
        void acceptsPngDetectedByMagicBytes() {
            byte[] bytes = png(64, 32);
            ValidLogo logo = accepted(LogoValidator.validate(bytes, "logo.png"));
            assertThat(logo.contentType()).isEqualTo("image/png");
            assertThat(logo.bytes()).isEqualTo(bytes);
        }

        @Test
        void acceptsJpegDetectedByMagicBytes() {
            byte[] bytes = jpeg(64, 32);
            ValidLogo logo = accepted(LogoValidator.validate(bytes, "logo.jpg"));
            assertThat(logo.contentType()).isEqualTo("image/jpeg");
            assertThat(logo.bytes()).isEqualTo(bytes);
        }

        @ParameterizedTest
        @ValueSource(strings = {"logo.png", "logo.svg", "logo.exe", ""})
        void ignoresTheFileNameForTheType(String name) {
            assertThat(accepted(LogoValidator.validate(jpeg(8, 8), name)).contentType()).isEqualTo("image/jpeg");
            assertThat(accepted(LogoValidator.validate(png(8, 8), name)).contentType()).isEqualTo("image/png");
        }

        @Test
        void acceptsAMissingFileName() {
            assertThat(LogoValidator.validate(png(8, 8), null)).isInstanceOf(ValidLogo.class);
        }

        @Test
        void acceptsTheLargestAllowedDimensions() {
            accepted(LogoValidator.validate(png(4096, 4), "wide.png"));
            accepted(LogoValidator.validate(jpeg(4, 4096), "tall.jpg"));
        }

        @Test
        void rejectsPngOneColumnTooWide() {
            assertThat(rejected(LogoValidator.validate(png(4097, 1), "wide.png")))
                    .isEqualTo("The logo is 4097×1 pixels; use an image of at most 4096×4096 pixels.");
        }

        @Test
        void rejectsPngWhoseHeaderClaimsHugeDimensionsWithoutDecodingIt() {
            byte[] bomb = withPngDimensions(png(1, 1), 50_000, 50_000);
            assertThat(bomb.length).isLessThan(200);
            String message = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> rejected(LogoValidator.validate(bomb, "bomb.png")));
            assertThat(message).isEqualTo("The logo is 50000×50000 pixels; use an image of at most 4096×4096 pixels.");
        }

        @Test
        void rejectsJpegWhoseHeaderClaimsHugeDimensions() {
            byte[] bomb = withJpegDimensions(jpeg(8, 8), 50_000, 50_000);
            assertThat(rejected(LogoValidator.validate(bomb, "bomb.jpg"))).contains("50000×50000");
        }

        @Test
        void rejectsPngHeaderClaimingZeroOrNegativeWidth() {
            assertThat(rejected(LogoValidator.validate(withPngDimensions(png(1, 1), 0, 10), "x.png")))
                    .contains("could not be read");
            assertThat(rejected(LogoValidator.validate(withPngDimensions(png(1, 1), -5, 10), "x.png")))
                    .contains("could not be read");
        }

        @Test
        void rejectsPngWithCorruptHeader() {
            byte[] corrupt = png(8, 8);
            corrupt[12] = 'X'; // IHDR chunk type
            assertThat(rejected(LogoValidator.validate(corrupt, "x.png")))
                    .isEqualTo("The logo image could not be read and may be damaged; export it again as PNG or JPEG.");
        }

        @Test
        void rejectsMagicBytesFollowedByGarbage() {
            byte[] png = concat(Arrays.copyOf(png(1, 1), 8), "garbage garbage garbage".getBytes(UTF_8));
            byte[] jpeg = new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3};
            assertThat(rejected(LogoValidator.validate(png, "x.png"))).contains("could not be read");
            assertThat(rejected(LogoValidator.validate(jpeg, "x.jpg"))).contains("could not be read");
        }

        @Test
        void rejectsTruncatedImages() {
            byte[] png = png(32, 32);
            byte[] jpeg = jpeg(32, 32);
            assertThat(rejected(LogoValidator.validate(Arrays.copyOf(png, png.length - 12), "x.png")))
                    .contains("could not be read");
            assertThat(rejected(LogoValidator.validate(Arrays.copyOf(jpeg, jpeg.length - 20), "x.jpg")))
                    .contains("could not be read");
        }

        @Test
        void rejectsPngWithHtmlAppendedPolyglot() {
            byte[] polyglot = concat(png(8, 8), "<html><script>alert(1)</script></html>".getBytes(UTF_8));
            assertThat(rejected(LogoValidator.validate(polyglot, "logo.png"))).contains("could not be read");
        }

        @Test
        void rejectsJpegMagicFollowedBySvgPolyglot() {
            byte[] polyglot = concat(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0},
                    svg("<script>alert(1)</script>"));
            assertThat(rejected(LogoValidator.validate(polyglot, "logo.svg"))).contains("could not be read");
        }

        @Test
        void validLogoCopiesItsBytes() {
            byte[] bytes = png(2, 2);
            ValidLogo logo = accepted(LogoValidator.validate(bytes, "logo.png"));
            bytes[20] = 0x7f;
            logo.bytes()[21] = 0x7f;
            assertThat(logo.bytes()).isEqualTo(png(2, 2));
            assertThat(logo).isEqualTo(new ValidLogo(png(2, 2), "image/png"));
            assertThat(logo.toString()).doesNotContain("[B@");
        }
    }

    @Nested
    class Svg {

        @Test
        void acceptsAPlainSvgAndReturnsItWithoutXmlDeclaration() {
            String out = acceptedSvg(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SVG_OPEN
                    + "<title>Café</title><rect width=\"10\" height=\"10\" fill=\"#1a73e8\"/></svg>").getBytes(UTF_8));
            assertThat(out).startsWith("<svg").doesNotContain("<?xml").contains("Café", "<rect", "fill=\"#1a73e8\"");
        }

        @Test
        void dropsCommentsAndProcessingInstructions() {
            String out = acceptedSvg(("<?xml version=\"1.0\"?><?xml-stylesheet href=\"https://evil.example/x.css\"?>"
                    + "<!-- made by hand -->" + SVG_OPEN + "<!-- secret note --><?php echo 1; ?><circle r=\"4\"/>"
                    + "</svg><!-- trailing -->").getBytes(UTF_8));
            assertThat(out).doesNotContain("<!--", "<?", "secret", "evil.example", "php").contains("<circle");
        }

        @Test
        void acceptsInternalReferencesAndEmbeddedRasterImages() {
            String pngData = Base64.getEncoder().encodeToString(png(2, 2));
            String out = acceptedSvg(svg("<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient>"
                    + "<path id=\"p\" d=\"M0 0L10 10\"/></defs>"
                    + "<rect fill=\"url(#g)\" style=\"stroke: url('#g'); fill-opacity: .5\" width=\"5\" height=\"5\"/>"
                    + "<use href=\"#p\"/><use xlink:href=\"#p\"/><a href=\"#p\"><text>x</text></a>"
                    + "<image href=\"data:image/png;base64," + pngData + "\" width=\"2\" height=\"2\"/>"
                    + "<style>rect { fill: url(#g); } /* http://example.com in a comment */</style>"));
            assertThat(out).contains("url(#g)", "data:image/png;base64,");
        }

        @Test
        void acceptsEditorMetadata() {
            String inkscape = "<svg xmlns=\"http://www.w3.org/2000/svg\""
                    + " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""
                    + " xmlns:sodipodi=\"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\""
                    + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:cc=\"http://creativecommons.org/ns#\""
                    + " inkscape:version=\"1.3\" inkscape:export-filename=\"C:\\Users\\jane\\logo.png\">"
                    + "<sodipodi:namedview id=\"base\" pagecolor=\"#ffffff\"/>"
                    + "<metadata><rdf:RDF><cc:Work rdf:about=\"\"><dc:format>image/svg+xml</dc:format>"
                    + "<dc:type rdf:resource=\"http://purl.org/dc/dcmitype/StillImage\"/></cc:Work></rdf:RDF>"
                    + "</metadata><path d=\"M0 0h10v10z\"/></svg>";
            assertThat(acceptedSvg(inkscape.getBytes(UTF_8))).contains("sodipodi:namedview");
        }

        @Test
        void acceptsUtf16WithByteOrderMarkAndReturnsUtf8() {
            byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + SVG_OPEN + "<title>Café ☕</title></svg>")
                    .getBytes(StandardCharsets.UTF_16);
            assertThat(utf16[0]).isEqualTo((byte) 0xfe);
            String out = acceptedSvg(utf16);
            assertThat(out).startsWith("<svg").contains("Café ☕");
        }

        @Test
        void acceptsUtf8ByteOrderMark() {
            byte[] bytes = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, svg("<rect/>"));
            assertThat(acceptedSvg(bytes)).contains("<rect");
        }

        @Test
        void cleanedSvgPassesValidationAgainUnchanged() {
            String once = acceptedSvg(svg("<!-- c --><g><rect width=\"1\" height=\"1\"/></g>"));
            assertThat(acceptedSvg(once.getBytes(UTF_8))).isEqualTo(once);
        }

        @Test
        void rejectsSvgWithoutSvgNamespace() {
            assertThat(rejected("<svg viewBox=\"0 0 1 1\"><rect/></svg>".getBytes(UTF_8)))
                    .startsWith("The SVG logo's <svg> element lacks xmlns=\"http://www.w3.org/2000/svg\"");
        }

        @Test
        void rejectsMalformedSvg() {
            assertThat(rejected((SVG_OPEN + "<rect></svg>").getBytes(UTF_8)))
                    .startsWith("The SVG logo could not be read (it is not well-formed XML");
        }

        @Test
        void rejectsUndefinedEntityReferences() {
            assertThat(rejected(svg("<text>&nbsp;</text>"))).contains("could not be read");
        }

        @Test
        void rejectsDeeplyNestedSvg() {
            String deep = "<g>".repeat(300) + "</g>".repeat(300);
            assertThat(rejected(svg(deep))).contains("nested too deeply");
            acceptedSvg(svg("<g>".repeat(100) + "</g>".repeat(100)));
        }

        @Test
        void rejectsSvgThatGrowsPastTheLimitWhenReserialised() {
            // Quotes inside a single-quoted attribute are written back as &quot;, six times as long.
            byte[] bytes = svg("<g class='" + "\"".repeat(LogoValidator.MAX_BYTES - 500) + "'/>");
            assertThat(bytes.length).isLessThanOrEqualTo(LogoValidator.MAX_BYTES);
            assertThat(rejected(bytes)).matches("The logo is [2-9]\\.\\d\\d MB but the limit is 1 MB; .*");
        }
    }

    @Nested
    class HostileSvg {

        @ParameterizedTest
        @ValueSource(strings = {
                "<script>alert(1)</script>",
                "<script xlink:href=\"#x\"/>",
                "<SCRIPT>alert(1)</SCRIPT>",
                "<g><g><script type=\"text/ecmascript\"><![CDATA[alert(1)]]></script></g></g>",
        })
        void rejectsSvgWithScript(String body) {
            assertThat(rejected(svg(body))).startsWith("The SVG logo contains a <").containsIgnoringCase("script")
                    .endsWith(", which is not allowed; remove it, or upload a PNG or JPEG instead.");
        }

        @Test
        void rejectsScriptInAnotherNamespace() {
            String body = "<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>";
            assertThat(rejected(svg(body))).contains("<h:script>");
        }

        @Test
        void rejectsHtmlElements() {
            String body = "<h:link xmlns:h=\"http://www.w3.org/1999/xhtml\" rel=\"stylesheet\" href=\"#x\"/>";
            assertThat(rejected(svg(body))).contains("an HTML element (<h:link>)");
        }

        @Test
        void rejectsSvgWithForeignObject() {
            String body = "<foreignObject width=\"10\" height=\"10\"><body xmlns=\"http://www.w3.org/1999/xhtml\">"
                    + "<img src=\"x\" onerror=\"alert(1)\"/></body></foreignObject>";
            assertThat(rejected(svg(body))).contains("a <foreignObject> element");
        }

        @ParameterizedTest
        @ValueSource(strings = {"iframe", "embed", "object", "handler"})
        void rejectsEmbeddingElements(String element) {
            assertThat(rejected(svg("<" + element + "/>"))).contains("a <" + element + "> element");
        }

        @Test
        void rejectsSvgWithOnloadAttribute() {
            byte[] bytes = ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>").getBytes(UTF_8);
            assertThat(rejected(bytes)).isEqualTo("The SVG logo contains an event handler attribute (onload), "
                    + "which is not allowed; remove it, or upload a PNG or JPEG instead.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"<rect onclick=\"alert(1)\"/>", "<rect OnMouseOver=\"alert(1)\"/>",
                "<a><text onfocusin=\"x()\">t</text></a>", "<animate onbegin=\"alert(1)\" attributeName=\"x\"/>"})
        void rejectsAnyEventHandlerAttribute(String body) {
            assertThat(rejected(svg(body))).contains("an event handler attribute");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "<a href=\"javascript:alert(1)\"><text>x</text></a>",
                "<a xlink:href=\"javascript:alert(1)\"><text>x</text></a>",
                "<a href=\" JaVaScRiPt:alert(1)\"/>",
                "<a href=\"jav&#x09;ascript:alert(1)\"/>",
                "<a href=\"jav&#x0A;ascript:alert(1)\"/>",
                "<a href=\"vbscript:msgbox(1)\"/>",
        })
        void rejectsJavascriptUrls(String body) {
            assertThat(rejected(svg(body))).contains("a script link");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"/>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"/>",
                "<image href=\"DATA:Text/HTML,x\"/>",
        })
        void rejectsHtmlDataUrls(String body) {
            assertThat(rejected(svg(body))).contains("an HTML data: URL");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "<image href=\"https://evil.example/track.png\"/>",
                "<image xlink:href=\"http://evil.example/track.png\"/>",
                "<image href=\"//evil.example/track.png\"/>",
                "<use href=\"https://evil.example/sprite.svg#icon\"/>",
                "<use href=\"sprite.svg#icon\"/>",
                "<image href=\"file:///etc/passwd\"/>",
                "<image href=\"data:image/svg+xml;base64,PHN2Zy8+\"/>",
                "<a href=\"https://www.example.com\"><text>site</text></a>",
                "<feImage href=\"https://evil.example/x.png\"/>",
        })
        void rejectsExternalHrefs(String body) {
            assertThat(rejected(svg(body))).contains("an external reference (");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "<rect style=\"fill: url(https://evil.example/p.svg#g)\"/>",
                "<rect style=\"fill: url( 'https://evil.example/p.svg#g' )\"/>",
                "<rect style=\"fill: URL(//evil.example/p.svg#g)\"/>",
                "<rect style=\"fill: url(other.svg#g\"/>",
                "<rect fill=\"url(https://evil.example/p.svg#g)\"/>",
                "<rect filter=\"url(//evil.example/f.svg#f)\"/>",
                "<rect mask=\"url('sprite.svg#m')\"/>",
                "<style>rect { fill: url(\"https://evil.example/p.svg#g\"); }</style>",
                "<style><![CDATA[ rect { background: url(//evil.example/x.png) } ]]></style>",
                "<style>@font-face { font-family: x; src: url(/fonts/x.woff); }</style>",
        })
        void rejectsExternalUrlsInStylesAndPresentationAttributes(String body) {
            assertThat(rejected(svg(body))).containsAnyOf("an external reference", "external reference in its CSS");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "<style>@import 'https://evil.example/x.css';</style>",
                "<style>@IMPORT url(x.css);</style>",
        })
        void rejectsCssImports(String body) {
            assertThat(rejected(svg(body))).contains("a CSS @import");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "<style>rect { fill: u\\72l(x.svg#g) }</style>",
                "<rect style=\"fill: \\75 rl(x.svg#g)\"/>",
                "<rect fill=\"u\\rl(x.svg#g)\"/>",
        })
        void rejectsCssEscapesThatCouldHideAUrl(String body) {
            assertThat(rejected(svg(body))).contains("CSS escape sequences");
        }

        @Test
        void rejectsCssImageSetWithoutUrlFunction() {
            assertThat(rejected(svg("<style>rect { fill: image-set(\"https://evil.example/x.png\" 1x) }</style>")))
                    .contains("external reference in its CSS");
        }

        @Test
        void rejectsAnimationsThatRewriteLinks() {
            assertThat(rejected(svg("<a href=\"#a\"><set attributeName=\"xlink:href\" to=\"https://evil.example\"/></a>")))
                    .contains("an animation that changes a link or an event handler");
            assertThat(rejected(svg("<rect><set attributeName=\"onclick\" to=\"alert(1)\"/></rect>")))
                    .contains("an animation that changes a link or an event handler");
            assertThat(rejected(svg("<a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a>")))
                    .contains("an animation that changes a link or an event handler");
            assertThat(rejected(svg("<a><animate values=\"#a;javascript:alert(1)\" attributeName=\"x\"/></a>")))
                    .contains("a script link");
        }

        @Test
        void rejectsXIncludeWithoutProcessingIt() {
            String body = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\""
                    + " parse=\"text\"/>";
            assertThat(rejected(svg(body))).contains("an external reference (file:///etc/passwd)");
        }

        @Test
        void rejectsBillionLaughs() {
            String laughs = """
                    <?xml version="1.0"?>
                    <!DOCTYPE svg [
                      <!ENTITY lol "lol">
                      <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                      <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                      <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                      <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                      <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                      <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                      <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                      <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                    ]>
                    <svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>
                    """;
            String message = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> rejected(laughs.getBytes(UTF_8)));
            assertThat(message).isEqualTo("The SVG logo contains an XML entity declaration (<!ENTITY), "
                    + "which is not allowed; remove it, or upload a PNG or JPEG instead.");
        }

        @Test
        void rejectsXxeWithoutReadingTheFile(@TempDir Path dir) throws IOException {
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "TOP-SECRET-VALUE");
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                    + SVG_OPEN + "<text>&xxe;</text></svg>";
            assertThat(rejected(xxe.getBytes(UTF_8))).contains("<!ENTITY").doesNotContain("TOP-SECRET");
        }

        @Test
        void rejectsXxeThroughParameterEntities() {
            String xxe = "<!DOCTYPE svg [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %remote;]>"
                    + SVG_OPEN + "</svg>";
            assertThat(rejected(xxe.getBytes(UTF_8))).contains("<!ENTITY");
        }

        @Test
        void rejectsExternalDtdWithAClearMessage() {
            String illustrator = "<?xml version=\"1.0\"?>\n<!-- Generator: Adobe Illustrator -->\n"
                    + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                    + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" + SVG_OPEN + "</svg>";
            assertThat(rejected(illustrator.getBytes(UTF_8))).isEqualTo("The SVG logo contains a DOCTYPE declaration, "
                    + "which is not allowed; remove the <!DOCTYPE …> part or export the file again without it.");
        }

        @Test
        void parserRefusesDtdsEvenWithoutThePreChecks() {
            byte[] xxe = ("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + SVG_OPEN
                    + "<text>&x;</text></svg>").getBytes(UTF_8);
            assertThatThrownBy(() -> LogoValidator.parse(xxe)).hasMessageContaining("DOCTYPE is disallowed");
            byte[] external = ("<!DOCTYPE svg SYSTEM \"http://127.0.0.1:1/x.dtd\">" + SVG_OPEN + "</svg>")
                    .getBytes(UTF_8);
            assertThatThrownBy(() -> LogoValidator.parse(external)).hasMessageContaining("DOCTYPE is disallowed");
        }

        @Test
        void parserLeavesXIncludeUnprocessed() throws Exception {
            Document document = LogoValidator.parse(svg(
                    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/hostname\"/>"));
            assertThat(document.getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include").getLength())
                    .isEqualTo(1);
        }

        @Test
        void rejectsUtf16EncodedEntityDeclarations() {
            byte[] laughs = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE svg [<!ENTITY a \"b\">]>"
                    + SVG_OPEN + "<text>&a;</text></svg>").getBytes(StandardCharsets.UTF_16);
            assertThat(rejected(laughs)).contains("<!ENTITY");
        }

        @Test
        void rejectsSvgHtmlPolyglot() {
            String polyglot = SVG_OPEN + "<foreignObject><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                    + "<script>alert(1)</script></html></foreignObject></svg>";
            assertThat(rejected(polyglot.getBytes(UTF_8))).contains("<foreignObject>");
        }
    }
}
