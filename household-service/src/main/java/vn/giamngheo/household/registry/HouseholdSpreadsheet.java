package vn.giamngheo.household.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.household.spreadsheet.Workbooks;

/**
 * The registry's import spreadsheet (issue 22): one row per member, Vietnamese headings, the rows of one household
 * grouped by their "Số thứ tự hộ". A household's own cells (unit, village, registration day, privacy notice) are read
 * from its first row; a later row of the same household leaves them empty or repeats them. Plain Java: it reads cells
 * and says, for each cell it cannot take, the row a person sees, the column heading, the field of the register API and
 * a reason in Vietnamese; the registry's rules (units in force, citizen ids already registered) are checked by
 * {@link HouseholdImport}.
 */
final class HouseholdSpreadsheet {

    static final String SHEET = "Danh sách hộ";
    static final String GUIDE = "Hướng dẫn";
    /** RegisterHouseholdRequest: 1 to 40 members. */
    static final int MAX_MEMBERS = 40;
    private static final int MAX_NAME = 120;

    /** A column: its hidden code, the heading a person reads, the API field, and what the guide says of it. */
    enum Column {
        HOUSEHOLD_NO("Số thứ tự hộ", "householdNumber", true,
                "Bắt buộc. Số nguyên dương; các dòng cùng số là thành viên của cùng một hộ (chỉ dùng trong tệp này)."),
        UNIT_CODE("Mã đơn vị", "unitCode", true,
                "Bắt buộc ở dòng đầu của hộ. Mã 5 chữ số của xã, phường, thị trấn hoặc đặc khu (ví dụ 08707); "
                        + "chỉ các đơn vị bạn phụ trách."),
        VILLAGE("Thôn/tổ dân phố", "village", true, "Bắt buộc ở dòng đầu của hộ. Tối đa 120 ký tự, một dòng."),
        REGISTERED_ON("Ngày đăng ký (dd/MM/yyyy)", "registeredOn", false,
                "Không bắt buộc. Ngày hộ vào sổ (hộ chuyển từ sổ cũ); để trống là hôm nay. Không được sau hôm nay."),
        RELATION("Quan hệ với chủ hộ", "relationToHead", true,
                "Bắt buộc. Chọn trong danh sách; mỗi hộ có đúng một dòng «Chủ hộ»."),
        FULL_NAME("Họ và tên", "fullName", true, "Bắt buộc. Tối đa 120 ký tự, một dòng."),
        DATE_OF_BIRTH("Ngày sinh (dd/MM/yyyy)", "dateOfBirth", true,
                "Bắt buộc. Ô ngày hoặc chữ dạng dd/MM/yyyy; không sau ngày đăng ký, không quá 120 năm trước đó."),
        SEX("Giới tính", "sex", true, "Bắt buộc. Nam hoặc Nữ."),
        CITIZEN_ID("Số CCCD (12 chữ số)", "citizenId", false,
                "Không bắt buộc (trẻ em chưa có). 12 chữ số, ô dạng Văn bản để giữ số 0 ở đầu; khớp mã tỉnh, giới tính "
                        + "và năm sinh; không trùng trong tệp và với người đang có trong sổ."),
        ETHNICITY("Dân tộc", "sensitive.ethnicity", false,
                "Không bắt buộc. Dữ liệu nhạy cảm, ví dụ Kinh, Sán Dìu. Tối đa 60 ký tự."),
        DISABILITY("Khuyết tật", "sensitive.disability", false,
                "Không bắt buộc. Dạng và mức độ khuyết tật đã được xác nhận. Tối đa 200 ký tự."),
        HEALTH("Tình trạng sức khỏe", "sensitive.health", false,
                "Không bắt buộc. Bệnh mãn tính, suy dinh dưỡng… có liên quan đến rà soát. Tối đa 200 ký tự."),
        NOTICE_VERSION("Phiên bản thông báo xử lý dữ liệu cá nhân", "privacyNotice.version", false,
                "Ở dòng đầu của hộ, nếu đã thông báo cho hộ (Nghị định 13/2023, Điều 13): số hiệu bản thông báo "
                        + "đã đưa cho hộ, tối đa 40 ký tự. Bỏ trống cả bốn cột thông báo nếu chưa thông báo."),
        NOTICE_GIVEN_ON("Ngày thông báo (dd/MM/yyyy)", "privacyNotice.givenOn", false,
                "Bắt buộc khi có phiên bản thông báo. Không được sau hôm nay."),
        NOTICE_METHOD("Hình thức thông báo", "privacyNotice.method", false,
                "Bắt buộc khi có phiên bản thông báo: Giấy, Miệng hoặc Điện tử."),
        NOTICE_CONSENT("Hộ đồng ý", "privacyNotice.consented", false,
                "Bắt buộc khi có phiên bản thông báo: Có hoặc Không.");

        final String heading;
        final String field;
        final boolean required;
        final String guide;

        Column(String heading, String field, boolean required, String guide) {
            this.heading = heading;
            this.field = field;
            this.required = required;
            this.guide = guide;
        }

        boolean ofMember() {
            return ordinal() >= RELATION.ordinal() && ordinal() <= HEALTH.ordinal();
        }

        /** The register API's field: {@code members[2].dateOfBirth} for a member's cell. */
        String field(int memberIndex) {
            return ofMember() ? "members[" + memberIndex + "]." + field : field;
        }
    }

    static final Map<Relation, String> RELATIONS = labels(Relation.class, "Chủ hộ", "Vợ/chồng", "Con", "Bố/mẹ",
            "Bố/mẹ vợ hoặc chồng", "Con dâu/con rể", "Cháu", "Ông/bà", "Anh/chị/em", "Họ hàng khác", "Khác");
    static final Map<Sex, String> SEXES = labels(Sex.class, "Nam", "Nữ");
    static final Map<PrivacyNotices.Method, String> METHODS = labels(PrivacyNotices.Method.class, "Giấy", "Miệng",
            "Điện tử");
    static final Map<Boolean, String> YES_NO = new LinkedHashMap<>();

    static {
        YES_NO.put(true, "Có");
        YES_NO.put(false, "Không");
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** A cell that cannot be taken: 1-based row as a person sees it, the column, and why (Vietnamese). */
    record CellProblem(int row, Column column, String reason) {
    }

    /** A problem as reported: the row, the column's heading in the file, the register API's field, the reason. */
    record Problem(int row, String column, String field, String reason) {
    }

    /** The household's privacy notice as given in its first row. */
    record NoticeCells(String version, LocalDate givenOn, PrivacyNotices.Method method, Boolean consented) {
    }

    /** One member's row as read; a cell that could not be read is null here and has a problem. */
    record MemberRow(int row, Long householdNumber, String unitCode, String village, LocalDate registeredOn,
            boolean registeredOnGiven, Relation relation, String fullName, LocalDate dateOfBirth, Sex sex,
            String citizenId, Member.Sensitive sensitive, NoticeCells notice) {
    }

    /** One household of the file: its rows in order (the first carries its own cells) and the problems of its cells. */
    record SheetHousehold(long number, List<MemberRow> rows, List<CellProblem> problems) {

        MemberRow first() {
            return rows.getFirst();
        }

        int memberIndex(int row) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).row() == row) {
                    return i;
                }
            }
            return 0;
        }
    }

    /** The file as read: its households, the problems of rows that belong to none, and the sheet's headings. */
    record Upload(List<SheetHousehold> households, List<CellProblem> unassigned, Workbooks.Columns columns) {

        String heading(Column column) {
            Integer index = columns.byCode().get(column.name());
            return index == null ? column.heading : columns.headings().getOrDefault(index, column.heading);
        }

        Problem problem(SheetHousehold household, CellProblem p) {
            int member = household == null ? 0 : household.memberIndex(p.row());
            return new Problem(p.row(), heading(p.column()), p.column().field(member), p.reason());
        }

        /** Every cell problem, by row and column. */
        List<Problem> problems() {
            List<Problem> all = new ArrayList<>();
            unassigned.forEach(p -> all.add(problem(null, p)));
            households.forEach(h -> h.problems().forEach(p -> all.add(problem(h, p))));
            all.sort(BY_ROW);
            return all;
        }
    }

    static final Comparator<Problem> BY_ROW = Comparator.comparingInt(Problem::row)
            .thenComparing(Problem::column, Comparator.nullsFirst(Comparator.naturalOrder()));

    private HouseholdSpreadsheet() {
    }

    // ---------------------------------------------------------------------------------------------------------- template

    /**
     * The template: the data sheet (headings, hidden codes, text cells for the codes and citizen ids, date cells, lists
     * to choose from) and a guide sheet explaining each column, with an example household.
     */
    static byte[] template(int maxRows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Column[] columns = Column.values();
            Workbooks.writeHeadings(sheet, Arrays.stream(columns).map(c -> c.heading).toList(),
                    Arrays.stream(columns).map(Column::name).toList());
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            for (Column c : columns) {
                sheet.setColumnWidth(c.ordinal(), switch (c) {
                    case FULL_NAME, VILLAGE, DISABILITY, HEALTH -> 30 * 256;
                    default -> 18 * 256;
                });
                switch (c) {
                    case UNIT_CODE, CITIZEN_ID, VILLAGE, FULL_NAME, NOTICE_VERSION ->
                            sheet.setDefaultColumnStyle(c.ordinal(), text);
                    case REGISTERED_ON, DATE_OF_BIRTH, NOTICE_GIVEN_ON -> sheet.setDefaultColumnStyle(c.ordinal(), date);
                    default -> { }
                }
            }
            int last = maxRows + Workbooks.HEADING_ROWS - 1;
            choices(sheet, Column.RELATION, RELATIONS.values(), last);
            choices(sheet, Column.SEX, SEXES.values(), last);
            choices(sheet, Column.NOTICE_METHOD, METHODS.values(), last);
            choices(sheet, Column.NOTICE_CONSENT, List.of("Có", "Không"), last);
            sheet.createFreezePane(1, Workbooks.HEADING_ROWS);
            guide(workbook.createSheet(GUIDE), maxRows);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the import template", e);
        }
    }

    private static void choices(Sheet sheet, Column column, java.util.Collection<String> values, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        var validation = helper.createValidation(helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(Workbooks.HEADING_ROWS, lastRow, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(true);
        validation.createErrorBox(column.heading, "Chọn một giá trị trong danh sách: " + String.join(", ", values));
        sheet.addValidationData(validation);
    }

    private static void guide(Sheet guide, int maxRows) {
        int r = 0;
        guide.setColumnWidth(0, 40 * 256);
        guide.setColumnWidth(1, 100 * 256);
        for (String line : List.of(
                "Nhập danh sách hộ vào sổ hộ gia đình",
                "Mỗi dòng của trang «" + SHEET + "» là một người; các dòng cùng «Số thứ tự hộ» là một hộ. Không sửa "
                        + "dòng tiêu đề và dòng ẩn thứ 2. Tối đa " + maxRows + " dòng.",
                "Tải lên cả tệp: nếu có dòng nào sai, không hộ nào được ghi vào sổ và màn hình liệt kê từng dòng, cột "
                        + "và lý do; sửa rồi tải lại cả tệp. Tải lại đúng tệp đã ghi không tạo hộ trùng.",
                "Thông báo xử lý dữ liệu cá nhân: ghi ở dòng đầu của hộ nếu đã thông báo cho hộ; hệ thống ghi nhận "
                        + "thông báo đó cùng người tải tệp lên. Nếu chưa thông báo, để trống và ghi nhận sau trên "
                        + "trang của hộ.")) {
            guide.createRow(r++).createCell(0).setCellValue(line);
        }
        r++;
        Row heading = guide.createRow(r++);
        heading.createCell(0).setCellValue("Cột");
        heading.createCell(1).setCellValue("Cách điền và giá trị cho phép");
        for (Column c : Column.values()) {
            Row row = guide.createRow(r++);
            row.createCell(0).setCellValue(c.heading);
            String allowed = switch (c) {
                case RELATION -> " Giá trị: " + String.join(", ", RELATIONS.values()) + ".";
                default -> "";
            };
            row.createCell(1).setCellValue(c.guide + allowed);
        }
        r++;
        guide.createRow(r++).createCell(0).setCellValue("Ví dụ (một hộ ba người):");
        Row exampleHeadings = guide.createRow(r++);
        for (Column c : Column.values()) {
            exampleHeadings.createCell(c.ordinal()).setCellValue(c.heading);
        }
        for (String[] example : EXAMPLE) {
            Row row = guide.createRow(r++);
            for (int c = 0; c < example.length; c++) {
                row.createCell(c).setCellValue(example[c]);
            }
        }
    }

    private static final String[][] EXAMPLE = {
            {"1", "08707", "Tổ dân phố Đồng Tâm 3", "", "Chủ hộ", "Nguyễn Văn An", "14/03/1968", "Nam", "026068001234",
                    "Kinh", "", "", "TB-2026-01", "20/11/2026", "Giấy", "Có"},
            {"1", "", "", "", "Vợ/chồng", "Trần Thị Bình", "02/09/1971", "Nữ", "026171005678", "Kinh", "", "", "", "",
                    "", ""},
            {"1", "", "", "", "Con", "Nguyễn Thị Chi", "20/06/2012", "Nữ", "", "Kinh", "", "", "", "", "", ""}};

    // -------------------------------------------------------------------------------------------------------------- read

    /**
     * Reads every row of an uploaded file. A file that is not an .xlsx, has more than {@code maxRows} rows (counted
     * before the workbook is built), or is not this template is refused as a whole ({@link Workbooks.RefusedFileException}
     * or {@link NotTheTemplateException}); every other problem is a cell's.
     */
    static Upload read(InputStream in, int maxRows) {
        try (XSSFWorkbook workbook = Workbooks.open(in, maxRows)) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                throw new NotTheTemplateException("Tệp không có trang «" + SHEET + "»: hãy tải mẫu nhập hộ và điền "
                        + "vào đó");
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Workbooks.Columns columns = Workbooks.columns(sheet, formatter);
            for (Column c : Column.values()) {
                if (c.required && !columns.byCode().containsKey(c.name())) {
                    throw new NotTheTemplateException("Thiếu cột «" + c.heading + "» (mã " + c.name() + " ở dòng ẩn "
                            + "thứ 2): hãy tải lại mẫu nhập hộ");
                }
            }
            Map<Long, List<MemberRow>> byNumber = new LinkedHashMap<>();
            Map<Long, List<CellProblem>> problemsByNumber = new HashMap<>();
            List<CellProblem> unassigned = new ArrayList<>();
            for (int r = Workbooks.HEADING_ROWS; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, formatter)) {
                    continue;
                }
                List<CellProblem> problems = new ArrayList<>();
                MemberRow member = new Cells(row, columns, formatter, problems).member();
                if (member.householdNumber() == null) {
                    unassigned.addAll(problems);
                    continue;
                }
                byNumber.computeIfAbsent(member.householdNumber(), n -> new ArrayList<>()).add(member);
                problemsByNumber.computeIfAbsent(member.householdNumber(), n -> new ArrayList<>()).addAll(problems);
            }
            List<SheetHousehold> households = new ArrayList<>();
            Map<String, Integer> citizenIds = new HashMap<>();
            for (var entry : byNumber.entrySet()) {
                List<CellProblem> problems = problemsByNumber.get(entry.getKey());
                checkHousehold(entry.getValue(), problems);
                for (MemberRow m : entry.getValue()) {
                    if (m.citizenId() != null) {
                        Integer earlier = citizenIds.putIfAbsent(m.citizenId(), m.row());
                        if (earlier != null) {
                            problems.add(new CellProblem(m.row(), Column.CITIZEN_ID, "Số CCCD " + m.citizenId()
                                    + " trùng với dòng " + earlier + ": mỗi người chỉ ở một hộ"));
                        }
                    }
                }
                households.add(new SheetHousehold(entry.getKey(), List.copyOf(entry.getValue()), problems));
            }
            return new Upload(households, unassigned, columns);
        } catch (IOException e) {
            throw Workbooks.unreadable(e);
        }
    }

    /** The file is a workbook but not this template (no data sheet, a required column missing). */
    static final class NotTheTemplateException extends RuntimeException {
        NotTheTemplateException(String message) {
            super(message);
        }
    }

    /** The rules across a household's rows: its own cells agree, one head, at most 40 members. */
    private static void checkHousehold(List<MemberRow> rows, List<CellProblem> problems) {
        MemberRow first = rows.getFirst();
        for (MemberRow m : rows.subList(1, rows.size())) {
            sameAsFirst(m, first, Column.UNIT_CODE, MemberRow::unitCode, problems);
            sameAsFirst(m, first, Column.VILLAGE, MemberRow::village, problems);
            if (m.registeredOnGiven()) {
                sameAsFirst(m, first, Column.REGISTERED_ON, MemberRow::registeredOn, problems);
            }
            if (m.notice() != null && !m.notice().equals(first.notice())) {
                problems.add(new CellProblem(m.row(), Column.NOTICE_VERSION, "Thông báo khác với dòng " + first.row()
                        + " của cùng hộ: chỉ ghi ở dòng đầu của hộ"));
            }
        }
        long heads = rows.stream().filter(m -> m.relation() == Relation.HEAD).count();
        boolean relationsRead = rows.stream().allMatch(m -> m.relation() != null);
        if (relationsRead && heads != 1) {
            MemberRow where = heads == 0 ? first : rows.stream().filter(m -> m.relation() == Relation.HEAD).skip(1)
                    .findFirst().orElse(first);
            problems.add(new CellProblem(where.row(), Column.RELATION, "Hộ số " + first.householdNumber() + " có "
                    + heads + " chủ hộ: mỗi hộ có đúng một dòng «Chủ hộ»"));
        }
        if (rows.size() > MAX_MEMBERS) {
            problems.add(new CellProblem(rows.get(MAX_MEMBERS).row(), Column.HOUSEHOLD_NO, "Hộ số "
                    + first.householdNumber() + " có " + rows.size() + " người: tối đa " + MAX_MEMBERS + " người một hộ"));
        }
        if (first.notice() != null) {
            NoticeCells n = first.notice();
            if (n.version() == null) {
                problems.add(new CellProblem(first.row(), Column.NOTICE_VERSION, "Thiếu phiên bản thông báo đã đưa "
                        + "cho hộ (hoặc để trống cả bốn cột thông báo)"));
            }
            if (n.givenOn() == null) {
                problems.add(new CellProblem(first.row(), Column.NOTICE_GIVEN_ON, "Thiếu ngày thông báo"));
            }
            if (n.method() == null) {
                problems.add(new CellProblem(first.row(), Column.NOTICE_METHOD, "Thiếu hình thức thông báo"));
            }
            if (n.consented() == null) {
                problems.add(new CellProblem(first.row(), Column.NOTICE_CONSENT, "Ghi Có hoặc Không"));
            }
        }
    }

    private static <T> void sameAsFirst(MemberRow m, MemberRow first, Column column,
            java.util.function.Function<MemberRow, T> value, List<CellProblem> problems) {
        T here = value.apply(m);
        if (here != null && first != null && !Objects.equals(here, value.apply(first))) {
            problems.add(new CellProblem(m.row(), column, "Khác với dòng " + first.row() + " của cùng hộ ("
                    + shown(value.apply(first)) + "): để trống hoặc ghi giống dòng đầu của hộ"));
        }
    }

    private static String shown(Object value) {
        return value instanceof LocalDate d ? d.format(SHOWN) : String.valueOf(value);
    }

    private static boolean blank(Row row, DataFormatter formatter) {
        for (Cell cell : row) {
            if (!formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The cells of one row, read column by column; each cell that cannot be taken adds a problem. */
    private static final class Cells {

        private final Row row;
        private final Workbooks.Columns columns;
        private final DataFormatter formatter;
        private final List<CellProblem> problems;
        private final int number;

        Cells(Row row, Workbooks.Columns columns, DataFormatter formatter, List<CellProblem> problems) {
            this.row = row;
            this.columns = columns;
            this.formatter = formatter;
            this.problems = problems;
            this.number = row.getRowNum() + 1;
        }

        MemberRow member() {
            Long household = householdNumber();
            String unit = code(Column.UNIT_CODE);
            String village = text(Column.VILLAGE, MAX_NAME);
            boolean registeredOnGiven = !raw(Column.REGISTERED_ON).isEmpty();
            LocalDate registeredOn = date(Column.REGISTERED_ON);
            Relation relation = choice(Column.RELATION, RELATIONS);
            String fullName = text(Column.FULL_NAME, MAX_NAME);
            LocalDate born = date(Column.DATE_OF_BIRTH);
            Sex sex = choice(Column.SEX, SEXES);
            String citizenId = citizenId();
            String ethnicity = text(Column.ETHNICITY, 60);
            String disability = text(Column.DISABILITY, 200);
            String health = text(Column.HEALTH, 200);
            String noticeVersion = text(Column.NOTICE_VERSION, 40);
            LocalDate noticeOn = date(Column.NOTICE_GIVEN_ON);
            PrivacyNotices.Method method = choice(Column.NOTICE_METHOD, METHODS);
            Boolean consent = choice(Column.NOTICE_CONSENT, YES_NO);
            for (Column c : List.of(Column.RELATION, Column.FULL_NAME, Column.DATE_OF_BIRTH, Column.SEX)) {
                requireFilled(c);
            }
            NoticeCells notice = noticeVersion == null && raw(Column.NOTICE_GIVEN_ON).isEmpty() && method == null
                    && consent == null ? null : new NoticeCells(noticeVersion, noticeOn, method, consent);
            Member.Sensitive sensitive = ethnicity == null && disability == null && health == null ? null
                    : new Member.Sensitive(ethnicity, disability, health);
            return new MemberRow(number, household, unit, village, registeredOn, registeredOnGiven, relation,
                    fullName, born, sex, citizenId, sensitive, notice);
        }

        private Cell cell(Column column) {
            Integer index = columns.byCode().get(column.name());
            return index == null ? null : row.getCell(index);
        }

        /** The cell as a person sees it, NFC (a name typed on one machine compares equal to one typed on another). */
        private String raw(Column column) {
            Cell cell = cell(column);
            if (cell == null) {
                return "";
            }
            String value = cell.getCellType() == CellType.FORMULA ? cachedText(cell) : formatter.formatCellValue(cell);
            return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        }

        private String cachedText(Cell cell) {
            return switch (cell.getCachedFormulaResultType()) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                default -> "";
            };
        }

        private void problem(Column column, String reason) {
            problems.add(new CellProblem(number, column, reason));
        }

        private void requireFilled(Column column) {
            if (raw(column).isEmpty() && problems.stream().noneMatch(p -> p.column() == column)) {
                problem(column, "Ô trống: bắt buộc");
            }
        }

        private Long householdNumber() {
            Cell cell = cell(Column.HOUSEHOLD_NO);
            String text = raw(Column.HOUSEHOLD_NO);
            if (text.isEmpty()) {
                problem(Column.HOUSEHOLD_NO, "Ô trống: ghi số thứ tự của hộ mà người này thuộc về");
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC) {
                double value = cell.getNumericCellValue();
                if (value == Math.rint(value) && value >= 1 && value < 1e9) {
                    return (long) value;
                }
            } else if (text.matches("\\d{1,9}") && Long.parseLong(text) >= 1) {
                return Long.parseLong(text);
            }
            problem(Column.HOUSEHOLD_NO, "«" + text + "» không phải số nguyên dương");
            return null;
        }

        /** A unit code: 5 digits; a number cell lost its leading zero (8707), which a code always may have. */
        private String code(Column column) {
            Cell cell = cell(column);
            String text = raw(column);
            if (text.isEmpty()) {
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC) {
                double value = cell.getNumericCellValue();
                if (value == Math.rint(value) && value >= 0 && value < 100_000) {
                    return String.format("%05d", (long) value);
                }
            } else if (text.matches("\\d{5}")) {
                return text;
            }
            problem(column, "«" + text + "» không phải mã đơn vị 5 chữ số (ví dụ 08707)");
            return null;
        }

        private String text(Column column, int max) {
            String text = raw(column);
            if (text.isEmpty()) {
                return null;
            }
            if (text.chars().anyMatch(ch -> ch == '\t' || ch == '\n' || ch == '\r')) {
                problem(column, "Chỉ được một dòng (không xuống dòng, không tab)");
                return null;
            }
            if (text.length() > max) {
                problem(column, "Dài " + text.length() + " ký tự: tối đa " + max);
                return null;
            }
            return text;
        }

        private LocalDate date(Column column) {
            Cell cell = cell(column);
            String text = raw(column);
            if (text.isEmpty()) {
                return null;
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                    : cell.getCellType();
            if (type == CellType.NUMERIC) {
                if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(cell.getNumericCellValue())) {
                    return cell.getLocalDateTimeCellValue().toLocalDate();
                }
                problem(column, "«" + text + "» là số, không phải ngày: nhập ngày dạng dd/MM/yyyy");
                return null;
            }
            try {
                return LocalDate.parse(text, DAY);
            } catch (DateTimeParseException e) {
                problem(column, "«" + text + "» không phải ngày dạng dd/MM/yyyy");
                return null;
            }
        }

        private <T> T choice(Column column, Map<T, String> labels) {
            String text = raw(column);
            if (text.isEmpty()) {
                return null;
            }
            Optional<T> found = labels.entrySet().stream()
                    .filter(e -> e.getValue().equalsIgnoreCase(text)
                            || String.valueOf(e.getKey()).equalsIgnoreCase(text))
                    .map(Map.Entry::getKey).findFirst();
            if (found.isEmpty()) {
                problem(column, "«" + text + "» không có trong danh sách: " + String.join(", ", labels.values()));
            }
            return found.orElse(null);
        }

        /**
         * A citizen id is 12 digits, most with a leading zero (the province codes 001-096): a number cell has lost it,
         * so it is refused with how to keep it rather than guessed back.
         */
        private String citizenId() {
            Cell cell = cell(Column.CITIZEN_ID);
            String text = raw(Column.CITIZEN_ID);
            if (text.isEmpty()) {
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC) {
                double value = cell.getNumericCellValue();
                String digits = value == Math.rint(value) && value >= 0 && value < 1e12 ? String.valueOf((long) value)
                        : text;
                if (digits.length() == 12) {
                    return digits;
                }
                problem(Column.CITIZEN_ID, "Ô dạng số nên Excel đã bỏ số 0 ở đầu (đọc được " + digits + "): định dạng "
                        + "ô là Văn bản (Text) rồi nhập lại đủ 12 chữ số");
                return null;
            }
            String digits = text.replace(" ", "");
            if (!digits.matches("\\d{12}")) {
                problem(Column.CITIZEN_ID, "«" + text + "» không phải số CCCD 12 chữ số");
                return null;
            }
            return digits;
        }
    }

    private static <E extends Enum<E>> Map<E, String> labels(Class<E> type, String... labels) {
        E[] values = type.getEnumConstants();
        if (values.length != labels.length) {
            throw new IllegalStateException(type.getSimpleName() + " has " + values.length + " values, "
                    + labels.length + " labels");
        }
        Map<E, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(values[i], labels[i]);
        }
        return map;
    }

    static String shownDate(LocalDate date) {
        return date.format(SHOWN);
    }
}
