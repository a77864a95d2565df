package vn.giamngheo.reporting.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.figures.Characteristic;
import vn.giamngheo.reporting.figures.FigureCalculator;
import vn.giamngheo.reporting.figures.Figures;
import vn.giamngheo.reporting.plans.Plan;
import vn.giamngheo.reporting.plans.Plans;
import vn.giamngheo.reporting.plans.Progress;

/**
 * The official reports as Excel workbooks (standard-and-benefits.md §3.5): the review-result summary by unit, the
 * deprivation-indicator table, and the plan's 6-month or annual progress report. Aggregates only.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private record Label(String dimension, String name) {
    }

    private final Areas areas;
    private final FigureCalculator calculator;
    private final Plans plans;
    private final Progress progress;
    private final Clock clock;
    private final Map<String, Label> labels;

    ReportController(Areas areas, FigureCalculator calculator, Plans plans, Progress progress, Clock clock) {
        this.areas = areas;
        this.calculator = calculator;
        this.plans = plans;
        this.progress = progress;
        this.clock = clock;
        this.labels = labels();
    }

    private static Map<String, Label> labels() {
        Map<String, Label> labels = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("report-labels/indicators.tsv").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                String[] cells = l.split("\t");
                labels.put(cells[0], new Label(cells[1], cells[2]));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }

    private static ResponseEntity<byte[]> file(String name, byte[] bytes) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }

    private static String d(LocalDate date) {
        return date.format(VN);
    }

    /** Poor and near-poor at the start, the changes decided in the period, and at the end, by unit. */
    @GetMapping("/review-summary.xlsx")
    ResponseEntity<byte[]> reviewSummary(@RequestParam String area, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = areas.date("to", to, today);
        LocalDate first = from == null ? last.withDayOfYear(1) : areas.date("from", from, today);
        if (first.isAfter(last)) {
            throw ApiException.invalid("from", "is after to (" + last + ")");
        }
        Area whole = areas.resolve(area, last);
        List<Area> communes = areas.communesWithin(whole, last);
        List<Area> rows = new ArrayList<>(communes);
        rows.add(whole);
        LocalDate before = first.minusDays(1).isBefore(areas.firstDay()) ? areas.firstDay() : first.minusDays(1);
        Map<String, Figures> start = calculator.of(rows, before);
        Map<String, Figures> end = calculator.of(rows, last);
        Map<String, FigureCalculator.Changes> changes = calculator.changes(rows, first, last);
        Workbook book = new Workbook().sheet("Tổng hợp kết quả rà soát",
                "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO — " + whole.name().toUpperCase(),
                "Kỳ báo cáo: từ " + d(first) + " đến " + d(last) + " (đầu kỳ: số liệu hết ngày " + d(before) + ")");
        book.header("Đơn vị", "Tổng số hộ", "Hộ nghèo đầu kỳ", "Tỷ lệ đầu kỳ (%)", "Thoát nghèo",
                "trong đó: thành hộ cận nghèo", "trong đó: trên chuẩn cận nghèo", "Nghèo phát sinh", "Tái nghèo",
                "Từ cận nghèo chuyển xuống", "Xác định lần đầu", "Biến động khác", "Hộ nghèo cuối kỳ",
                "Tỷ lệ cuối kỳ (%)",
                "Hộ cận nghèo đầu kỳ", "Tỷ lệ đầu kỳ (%)", "Thoát cận nghèo", "Chuyển thành hộ nghèo",
                "Bổ sung vào danh sách cận nghèo", "Biến động khác", "Hộ cận nghèo cuối kỳ", "Tỷ lệ cuối kỳ (%)");
        for (UnitRow r : unitRows(communes, whole)) {
            Area a = r.area();
            Figures s = start.get(a.key());
            Figures e = end.get(a.key());
            FigureCalculator.Changes c = changes.get(a.key());
            long poorOther = e.poor() - s.poor() - c.intoPoor() + c.outOfPoor();
            long nearOther = e.nearPoor() - s.nearPoor() - c.intoNearPoor() + c.outOfNearPoor();
            long initialPoor = c.intoPoor() - c.count("NEWLY_POOR") - c.count("RELAPSED")
                    - c.count("NEAR_POOR_TO_POOR");
            Object[] values = {r.label(),
                    e.denominator() == null ? "" : e.denominator().households(),
                    s.poor(), s.poorRate(), c.outOfPoor(), c.escapedToNearPoor(), c.escapedAbove(),
                    c.count("NEWLY_POOR"), c.count("RELAPSED"), c.count("NEAR_POOR_TO_POOR"), initialPoor, poorOther,
                    e.poor(), e.poorRate(),
                    s.nearPoor(), s.nearPoorRate(), c.count("ESCAPED_NEAR_POVERTY"), c.count("NEAR_POOR_TO_POOR"),
                    c.intoNearPoor(), nearOther,
                    e.nearPoor(), e.nearPoorRate()};
            book.row(r.total(), values);
        }
        book.note("Biến động khác: hộ chuyển đến, chuyển đi, ra khỏi danh sách (xoá khỏi sổ hộ) và các thay đổi khác "
                + "ngoài quyết định công nhận trong kỳ. Tỷ lệ tính trên tổng số hộ do cơ quan thống kê cung cấp.");
        return file("tong-hop-ket-qua-ra-soat-" + whole.code() + "-" + first + "-" + last + ".xlsx", book.bytes());
    }

    /** Poor and near-poor households deprived on each indicator, for the area and by unit. */
    @GetMapping("/deprivations.xlsx")
    ResponseEntity<byte[]> deprivations(@RequestParam String area, @RequestParam(required = false) String asOf) {
        ByUnit byUnit = byUnit(area, asOf);
        LocalDate date = byUnit.date();
        Area whole = byUnit.whole();
        List<Area> units = byUnit.units();
        Map<String, Figures> figures = byUnit.figures();
        Figures total = figures.get(whole.key());
        Workbook book = new Workbook().sheet("Thiếu hụt",
                "HỘ NGHÈO, HỘ CẬN NGHÈO THEO CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN — " + whole.name().toUpperCase(),
                "Số liệu đến ngày " + d(date));
        book.header("Chiều thiếu hụt", "Chỉ số", "Hộ nghèo thiếu hụt", "% số hộ nghèo", "Hộ cận nghèo thiếu hụt",
                "% số hộ cận nghèo");
        List<String> codes = new ArrayList<>(labels.keySet());
        total.deprivations().keySet().stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        long poorSum = 0;
        long nearSum = 0;
        for (String code : codes) {
            Figures.Deprived n = total.deprivations().get(code);
            if (n == null) {
                continue;
            }
            Label label = labels.getOrDefault(code, new Label("", code));
            book.row(label.dimension(), label.name(), n.poor(), share(n.poor(), total.poor()), n.nearPoor(),
                    share(n.nearPoor(), total.nearPoor()));
            poorSum += n.poor();
            nearSum += n.nearPoor();
        }
        book.total("Tổng số hộ", "", total.poor(), "", total.nearPoor(), "");
        book.note("Một hộ có thể thiếu hụt nhiều chỉ số; tổng số lượt thiếu hụt: hộ nghèo " + poorSum
                + ", hộ cận nghèo " + nearSum + ".");
        book.sheet("Theo đơn vị", "SỐ HỘ THIẾU HỤT THEO ĐƠN VỊ — " + whole.name().toUpperCase(), "Số liệu đến ngày "
                + d(date));
        List<Object> header = new ArrayList<>(List.of("Đơn vị", "Hộ nghèo", "Hộ cận nghèo"));
        List<String> present = codes.stream().filter(total.deprivations()::containsKey).toList();
        present.forEach(c -> header.add(labels.getOrDefault(c, new Label("", c)).name()));
        book.header(header.toArray());
        for (UnitRow r : unitRows(units, whole)) {
            Figures f = figures.get(r.area().key());
            List<Object> row = new ArrayList<>(List.of(r.label(), f.poor(), f.nearPoor()));
            present.forEach(c -> {
                Figures.Deprived n = f.deprivations().get(c);
                row.add(n == null ? 0L : n.poor() + n.nearPoor());
            });
            book.row(r.total(), row.toArray());
        }
        return file("chi-so-thieu-hut-" + whole.code() + "-" + date + ".xlsx", book.bytes());
    }

    /**
     * Poor and near-poor households by characteristic (female head, no member of working age), for the area and by
     * unit, on a day.
     */
    @GetMapping("/characteristics.xlsx")
    ResponseEntity<byte[]> characteristics(@RequestParam String area,
            @RequestParam(required = false) String asOf) {
        ByUnit byUnit = byUnit(area, asOf);
        LocalDate date = byUnit.date();
        Area whole = byUnit.whole();
        List<Area> units = byUnit.units();
        Map<String, Figures> figures = byUnit.figures();
        Workbook book = new Workbook().sheet("Theo đặc điểm hộ",
                "HỘ NGHÈO, HỘ CẬN NGHÈO THEO ĐẶC ĐIỂM HỘ — " + whole.name().toUpperCase(),
                "Số liệu đến ngày " + d(date));
        List<Object> header = new ArrayList<>(List.of("Đơn vị", "Tổng số hộ nghèo"));
        for (Characteristic c : Characteristic.values()) {
            header.add("Hộ nghèo " + c.label());
        }
        header.add("Tổng số hộ cận nghèo");
        for (Characteristic c : Characteristic.values()) {
            header.add("Hộ cận nghèo " + c.label());
        }
        book.header(header.toArray());
        for (UnitRow r : unitRows(units, whole)) {
            Figures f = figures.get(r.area().key());
            List<Object> row = new ArrayList<>(List.of(r.label(), f.poor()));
            for (Characteristic c : Characteristic.values()) {
                row.add(f.characteristics().getOrDefault(c.name(), NONE).poor());
            }
            row.add(f.nearPoor());
            for (Characteristic c : Characteristic.values()) {
                row.add(f.characteristics().getOrDefault(c.name(), NONE).nearPoor());
            }
            book.row(r.total(), row.toArray());
        }
        book.note("Một hộ có thể có nhiều đặc điểm. Độ tuổi lao động: từ đủ 15 tuổi đến tuổi nghỉ hưu theo Nghị định "
                + "135/2020/NĐ-CP. Chưa có số liệu hộ dân tộc thiểu số, hộ có thành viên khuyết tật (dữ liệu cá nhân "
                + "nhạy cảm, không chia sẻ cho hệ thống báo cáo) và hộ có người có công (chưa được ghi nhận).");
        return file("dac-diem-ho-" + whole.code() + "-" + date + ".xlsx", book.bytes());
    }

    private static final Figures.Deprived NONE = new Figures.Deprived(0, 0);

    /** An area's figures on a day ({@code asOf}, default today) and those of each commune in force in it. */
    private record ByUnit(LocalDate date, Area whole, List<Area> units, Map<String, Figures> figures) {
    }

    private ByUnit byUnit(String area, String asOf) {
        LocalDate date = areas.date("asOf", asOf, LocalDate.now(clock));
        Area whole = areas.resolve(area, date);
        List<Area> units = areas.communesWithin(whole, date);
        List<Area> all = new ArrayList<>(units);
        all.add(whole);
        return new ByUnit(date, whole, units, calculator.of(all, date));
    }

    /** A report's row by unit: a commune by its name, or the area's total. */
    private record UnitRow(String label, Area area, boolean total) {
    }

    /**
     * One row per commune in force that day, then the area's total: a commune's own report has its row and the total
     * (the commune is among its own communes, and was listed twice as the total before).
     */
    private static List<UnitRow> unitRows(List<Area> units, Area whole) {
        List<UnitRow> rows = new ArrayList<>();
        units.forEach(a -> rows.add(new UnitRow(a.name(), a, false)));
        rows.add(new UnitRow("Tổng cộng", whole, true));
        return rows;
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** The steering committee's report on a plan: 6-month ({@code H1}) or annual ({@code YEAR}). */
    @GetMapping("/progress.xlsx")
    ResponseEntity<byte[]> progress(@RequestParam String plan, @RequestParam(defaultValue = "YEAR") String period) {
        Plan p = plans.get(plan);
        LocalDate asOf = switch (period) {
            case "H1" -> p.from().plusMonths(6).minusDays(1);
            case "YEAR" -> p.to();
            default -> throw ApiException.invalid("period", "must be H1 (first 6 months) or YEAR; was " + period);
        };
        LocalDate today = LocalDate.now(clock);
        if (asOf.isAfter(today)) {
            asOf = today;
        }
        Progress.PlanProgress result = progress.of(p, asOf);
        Area area = plans.areaOf(p);
        String kind = period.equals("H1") ? "6 THÁNG ĐẦU NĂM" : "NĂM";
        Workbook book = new Workbook().sheet("Tiến độ",
                "BÁO CÁO KẾT QUẢ THỰC HIỆN " + kind + " " + p.year() + " — " + p.title().toUpperCase(),
                "Địa bàn: " + area.name() + "; số liệu đến ngày " + d(result.asOf()) + "; mốc đầu kỳ: "
                        + d(result.baselineDate()),
                "Căn cứ: " + (p.basis() == null ? "" : p.basis()));
        book.header("Chỉ tiêu", "Đơn vị", "Kế hoạch (tối thiểu)", "Kế hoạch (tối đa)", "Đầu kỳ", "Thực hiện đến nay",
                "Kết quả đạt được", "% so với kế hoạch", "Dự báo cuối kỳ", "Đánh giá");
        for (Progress.TargetProgress t : result.targets()) {
            book.row(t.name(), t.goal().equals("REDUCE") ? (t.unit().equals("%") ? "điểm %" : t.unit()) : "%",
                    t.targetMin(), t.targetMax(), t.baseline(), t.current(), t.achieved(), t.percentOfTarget(),
                    t.projected(), switch (t.status()) {
                        case "ACHIEVED" -> "Đã đạt";
                        case "ON_TRACK" -> "Đúng tiến độ";
                        case "AT_RISK" -> "Có nguy cơ không đạt";
                        case "MISSED" -> "Không đạt";
                        default -> "Chưa có số liệu";
                    });
        }
        List<Area> communes = areas.communesWithin(area, result.asOf());
        List<Area> units = new ArrayList<>(communes);
        units.add(area);
        Map<String, Figures> start = calculator.of(units, result.baselineDate());
        Map<String, Figures> end = calculator.of(units, result.asOf());
        book.sheet("Theo đơn vị", "HỘ NGHÈO, HỘ CẬN NGHÈO THEO ĐƠN VỊ", "Từ " + d(result.baselineDate()) + " đến "
                + d(result.asOf()));
        book.header("Đơn vị", "Hộ nghèo đầu kỳ", "Hộ nghèo hiện nay", "Giảm", "Hộ cận nghèo đầu kỳ",
                "Hộ cận nghèo hiện nay", "Giảm", "Có thẻ BHYT (%)");
        for (UnitRow r : unitRows(communes, area)) {
            Figures s = start.get(r.area().key());
            Figures e = end.get(r.area().key());
            Object[] row = {r.label(), s.poor(), e.poor(), s.poor() - e.poor(), s.nearPoor(),
                    e.nearPoor(), s.nearPoor() - e.nearPoor(), e.healthInsurance().percent()};
            book.row(r.total(), row);
        }
        return file("bao-cao-tien-do-" + p.id() + "-" + period + ".xlsx", book.bytes());
    }
}
