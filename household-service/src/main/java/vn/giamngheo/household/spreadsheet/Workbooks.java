package vn.giamngheo.household.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What every spreadsheet officers upload has in common (the survey of a review round, the registry import): only
 * .xlsx, its rows counted by streaming each sheet's XML before the workbook is built, and a heading row above a hidden
 * row of column codes, so that a sheet whose columns were reordered or renamed still reads correctly.
 */
public final class Workbooks {

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The rows above the data: the headings a person reads, then the hidden column codes. */
    public static final int HEADING_ROWS = 2;

    /** The file as a whole cannot be taken; nothing in it was read as data. */
    public static final class RefusedFileException extends RuntimeException {

        public enum Reason { NOT_XLSX, TOO_MANY_ROWS, UNREADABLE }

        private final Reason reason;
        private final String sheet;
        private final int limit;

        RefusedFileException(Reason reason, String sheet, int limit, String message) {
            super(message);
            this.reason = reason;
            this.sheet = sheet;
            this.limit = limit;
        }

        public Reason reason() {
            return reason;
        }

        /** The sheet with too many rows; null otherwise. */
        public String sheet() {
            return sheet;
        }

        /** The most data rows a sheet may have, for {@link Reason#TOO_MANY_ROWS}. */
        public int limit() {
            return limit;
        }
    }

    /** The columns of a sheet: code → index (from the hidden row) and index → heading (the row a person reads). */
    public record Columns(Map<String, Integer> byCode, Map<Integer, String> headings) {

        public String heading(String code) {
            Integer index = byCode.get(code);
            return index == null ? code : headings.getOrDefault(index, code);
        }
    }

    private Workbooks() {
    }

    /**
     * Builds the workbook of an uploaded file after {@link #checkRowCount}: the caller closes it.
     *
     * @param maxRows data rows a sheet may hold below its {@link #HEADING_ROWS}
     */
    public static XSSFWorkbook open(InputStream in, int maxRows) {
        byte[] file;
        try {
            file = in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(e);
        }
        checkRowCount(file, maxRows);
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            throw notXlsx(e.getMessage());
        }
    }

    /**
     * Counts the rows of every sheet of the workbook, as POI finds its sheets, streaming their XML, before the workbook
     * is built: building it costs about the same per row whatever the row holds, and a file of 83,441 rows cost 53 s of
     * CPU before any of them was refused. Only .xlsx is taken (the templates are): an old binary .xls would be built
     * whole by another reader with no such count.
     */
    public static void checkRowCount(byte[] file, int maxRows) {
        if (file.length < 4 || file[0] != 'P' || file[1] != 'K' || file[2] != 3 || file[3] != 4) {
            throw notXlsx("it is not a zip package");
        }
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(file))) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(workbook).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (rowsIn(sheet, maxRows + HEADING_ROWS) > maxRows + HEADING_ROWS) {
                        throw new RefusedFileException(RefusedFileException.Reason.TOO_MANY_ROWS,
                                sheets.getSheetName(), maxRows, "sheet «" + sheets.getSheetName() + "» has more than "
                                        + maxRows + " rows");
                    }
                }
            }
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            if (e instanceof RefusedFileException refused) {
                throw refused;
            }
            throw notXlsx(e.getMessage());
        }
    }

    /** The upload could not be read to its end (the connection broke). */
    public static RefusedFileException unreadable(IOException e) {
        return new RefusedFileException(RefusedFileException.Reason.UNREADABLE, null, 0, "cannot be read: "
                + e.getMessage());
    }

    private static RefusedFileException notXlsx(String detail) {
        return new RefusedFileException(RefusedFileException.Reason.NOT_XLSX, null, 0,
                "not a readable Excel workbook (.xlsx): " + detail);
    }

    /** The heading row and the hidden code row of {@code sheet}; empty when either is missing. */
    public static Columns columns(Sheet sheet, DataFormatter formatter) {
        Row headingRow = sheet.getRow(0);
        Row codeRow = sheet.getRow(1);
        Map<String, Integer> byCode = new LinkedHashMap<>();
        Map<Integer, String> headings = new LinkedHashMap<>();
        if (headingRow == null || codeRow == null) {
            return new Columns(byCode, headings);
        }
        for (Cell cell : codeRow) {
            String code = formatter.formatCellValue(cell).strip();
            if (!code.isEmpty()) {
                byCode.put(code, cell.getColumnIndex());
                headings.put(cell.getColumnIndex(), formatter.formatCellValue(headingRow.getCell(
                        cell.getColumnIndex())));
            }
        }
        return new Columns(byCode, headings);
    }

    /** The two heading rows of a template: bold wrapped headings, then the codes in a hidden row. */
    public static void writeHeadings(Sheet sheet, java.util.List<String> headings, java.util.List<String> codes) {
        Workbook workbook = sheet.getWorkbook();
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        bold.setWrapText(true);
        Row heading = sheet.createRow(0);
        Row codeRow = sheet.createRow(1);
        for (int c = 0; c < headings.size(); c++) {
            Cell cell = heading.createCell(c);
            cell.setCellValue(headings.get(c));
            cell.setCellStyle(bold);
            codeRow.createCell(c).setCellValue(codes.get(c));
        }
        codeRow.setZeroHeight(true);
    }

    /** A parser that reads the sheet's own XML only: no document type, no external entity. */
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /** The {@code row} elements of a sheet (whatever its prefix and encoding), counted until past {@code limit}. */
    private static long rowsIn(InputStream sheet, int limit) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(sheet);
        try {
            long rows = 0;
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")
                        && ++rows > limit) {
                    return rows;
                }
            }
            return rows;
        } finally {
            xml.close();
        }
    }
}
