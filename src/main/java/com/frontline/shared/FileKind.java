package com.frontline.shared;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file is, from its bytes (never its name), for the upload messages of every module: "The file is an
 * OpenDocument spreadsheet (LibreOffice/OpenOffice): …". Each module decides what it accepts and what to advise; this
 * is the one place that tells the kinds apart (magic bytes, zip entry names, the OpenDocument {@code mimetype} entry,
 * OLE2 stream names). Reading a zip's directory inflates nothing but the tiny {@code mimetype} entry, so it is safe on
 * a zip bomb.
 *
 * <p>Hand-written rather than Apache Tika: Tika's detector would add ~50 jars to tell apart the dozen kinds people
 * upload by mistake, and its names ("application/x-tika-ooxml") are not what a user is told.
 */
public enum FileKind {
    PDF("a PDF document"),
    XLSX("an Excel workbook (.xlsx)"),
    XLSM("a macro-enabled Excel workbook (.xlsm)"),
    XLSB("an Excel binary workbook (.xlsb)"),
    XLS("an Excel 97–2003 workbook (.xls)"),
    DOCX("a Word document (.docx)"),
    DOC("a Word 97–2003 document (.doc)"),
    PPTX("a PowerPoint presentation (.pptx)"),
    PPT("a PowerPoint 97–2003 presentation (.ppt)"),
    OFFICE_ENCRYPTED("a password-protected Office file"),
    OLE2_OTHER("an old Microsoft Office file (such as .msg or .vsd)"),
    ODS("an OpenDocument spreadsheet (LibreOffice/OpenOffice, .ods)"),
    ODT("an OpenDocument text document (LibreOffice/OpenOffice, .odt)"),
    ODP("an OpenDocument presentation (LibreOffice/OpenOffice, .odp)"),
    OPENDOCUMENT_OTHER("an OpenDocument file (LibreOffice/OpenOffice)"),
    NUMBERS("an Apple Numbers spreadsheet (.numbers)"),
    PAGES("an Apple Pages document (.pages)"),
    KEYNOTE("an Apple Keynote presentation (.key)"),
    EPUB("an e-book (.epub)"),
    ZIP("a zip archive"),
    IMAGE("an image"),
    ARCHIVE("a compressed archive (gzip, 7-Zip, RAR or bzip2)"),
    RTF("a Rich Text document (.rtf)"),
    /** Anything else: text, or a binary this class does not name. */
    OTHER("a file of an unknown type");

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** Lower case, with an article: "an OpenDocument spreadsheet (LibreOffice/OpenOffice, .ods)". */
    public String description() {
        return description;
    }

    public boolean zipBased() {
        return switch (this) {
            case XLSX, XLSM, XLSB, DOCX, PPTX, ODS, ODT, ODP, OPENDOCUMENT_OTHER, NUMBERS, PAGES, KEYNOTE, EPUB, ZIP ->
                    true;
            default -> false;
        };
    }

    private static final int HEAD = 16;

    /** Identifies a file; an unreadable or damaged container is {@link #OTHER} (the caller's parser reports it). */
    public static FileKind of(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1024);
        } catch (IOException e) {
            return OTHER;
        }
        return of(file, head);
    }

    private static FileKind of(Path file, byte[] head) {
        if (indexOf(head, "%PDF-".getBytes(StandardCharsets.US_ASCII)) >= 0) {
            return PDF;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return zip(file);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return ole2(file);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF)
                || startsWith(head, 'G', 'I', 'F', '8') || startsWith(head, 'I', 'I', '*', 0)
                || startsWith(head, 'M', 'M', 0, '*') || startsWith(head, 'B', 'M')
                && head.length > HEAD && head[14] >= 12 && head[15] == 0
                || startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")
                || head.length >= 12 && new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
            return IMAGE; // ftyp: HEIC photos (and MP4 videos, which no upload wants either)
        }
        if (startsWith(head, 0x1F, 0x8B) || startsWith(head, '7', 'z', 0xBC, 0xAF) || startsWith(head, 'R', 'a', 'r', '!')
                || startsWith(head, 'B', 'Z', 'h')) {
            return ARCHIVE;
        }
        if (startsWith(head, '{', '\\', 'r', 't', 'f')) {
            return RTF;
        }
        return OTHER;
    }

    private static FileKind zip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Set<String> names = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (int i = 0; entries.hasMoreElements() && i < 10_000; i++) {
                names.add(entries.nextElement().getName().toLowerCase(Locale.ROOT));
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String type;
                try (InputStream in = zip.getInputStream(mimetype)) {
                    type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                }
                if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
                    return ODS;
                }
                if (type.startsWith("application/vnd.oasis.opendocument.text")) {
                    return ODT;
                }
                if (type.startsWith("application/vnd.oasis.opendocument.presentation")) {
                    return ODP;
                }
                if (type.startsWith("application/epub")) {
                    return EPUB;
                }
                if (type.startsWith("application/vnd.oasis.opendocument")) {
                    return OPENDOCUMENT_OTHER;
                }
            }
            if (names.contains("xl/workbook.xml")) {
                return names.contains("xl/vbaproject.bin") ? XLSM : XLSX;
            }
            if (names.contains("xl/workbook.bin")) {
                return XLSB;
            }
            if (names.contains("word/document.xml")) {
                return DOCX;
            }
            if (names.contains("ppt/presentation.xml")) {
                return PPTX;
            }
            // iWork (2013 and later): a zip of Index/*.iwa parts. Numbers has a calculation engine and tables,
            // Keynote slides; what is left is Pages.
            if (names.stream().anyMatch(n -> n.startsWith("index/") && n.endsWith(".iwa"))) {
                if (names.stream().anyMatch(n -> n.contains("calculationengine") || n.startsWith("index/tables/"))) {
                    return NUMBERS;
                }
                return names.stream().anyMatch(n -> n.startsWith("index/slide")) ? KEYNOTE : PAGES;
            }
            return ZIP;
        } catch (IOException | RuntimeException e) {
            return OTHER;
        }
    }

    private static FileKind ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return OFFICE_ENCRYPTED;
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return XLS;
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return DOC;
            }
            if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
                return PPT;
            }
            return OLE2_OTHER;
        } catch (IOException | RuntimeException e) {
            return OLE2_OTHER;
        }
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            boolean found = true;
            for (int j = 0; j < needle.length && found; j++) {
                found = haystack[i + j] == needle[j];
            }
            if (found) {
                return i;
            }
        }
        return -1;
    }
}
