package vn.giamngheo.household.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.samskivert.mustache.Mustache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A template and its model to PDF: Mustache (every value HTML-escaped, so a name cannot add markup) makes XHTML, which
 * openhtmltopdf lays out with DejaVu Serif embedded — the only font the documents use, so every Vietnamese letter is
 * in the file whatever the template's style says. A template reaches nothing outside: no file, no URL.
 */
final class PdfRenderer {

    static final String FONT_FAMILY = "DejaVu Serif";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    /** Logic-less templates; a value that is null prints nothing, a placeholder the model lacks is an error. */
    static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(true).nullValue("");

    private PdfRenderer() {
    }

    /** The filled-in template: XHTML text. */
    static String fill(String template, Map<String, Object> model) {
        return MUSTACHE.compile(template).execute(model);
    }

    static byte[] pdf(String template, Map<String, Object> model) {
        String xhtml = fill(template, model);
        Document document;
        try {
            document = parse(xhtml);
        } catch (SAXException e) {
            throw new IllegalStateException("the template does not render to well-formed XHTML: " + e.getMessage(), e);
        }
        embedFontOnly(document);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        font(builder, "DejaVuSerif.ttf", 400, FontStyle.NORMAL);
        font(builder, "DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL);
        font(builder, "DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC);
        font(builder, "DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withW3cDocument(document, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> {
            InputStream in = PdfRenderer.class.getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new IllegalStateException("font " + FONTS + file + " is not on the class path");
            }
            return in;
        }, FONT_FAMILY, weight, style, true);
    }

    /** Every element in DejaVu Serif, put first in the head so that a template's own rules apply to all else. */
    private static void embedFontOnly(Document document) {
        Element root = document.getDocumentElement();
        Node head = root.getElementsByTagNameNS("*", "head").item(0);
        if (head == null) {
            head = root.insertBefore(document.createElementNS(XHTML_NS, "head"), root.getFirstChild());
        }
        Element style = document.createElementNS(XHTML_NS, "style");
        style.setTextContent("* { font-family: '" + FONT_FAMILY + "' !important; }");
        head.insertBefore(style, head.getFirstChild());
    }

    /** XHTML as a DOM: no document type, no entity, nothing fetched; the line of a mistake in the exception. */
    static Document parse(String xhtml) throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
