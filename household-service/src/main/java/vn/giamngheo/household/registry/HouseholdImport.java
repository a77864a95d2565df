package vn.giamngheo.household.registry;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.CellProblem;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.Column;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.MemberRow;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.Problem;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.SheetHousehold;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.Upload;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;

/**
 * The registry-wide Excel import (issue 22), all or nothing: every row of the file is checked first — its cells, each
 * household as {@link HouseholdRegistry#register} checks it, citizen ids twice in the file or already active in the
 * registry — and if any row has a problem nothing is registered and every problem is reported (row, column, field,
 * reason), so the officer fixes the file and uploads the whole of it again. Only a file without a problem is
 * registered: every household with its registration event, its history line and the privacy notice its row records.
 *
 * <p><b>A failure part-way through a valid file.</b> MongoDB has no transaction here (design §4), so the households are
 * written by one bulk insert, each household one atomic document. Before it, each household's id is recorded in
 * {@link ImportRecords} under a key derived from the uploader and the household's identity cells (unit, village, the
 * registration day as written, and each member's name, birth date, sex, citizen id and relation, in row order) — not
 * from the file's bytes, which change whenever Excel saves it again. If the insert stops part-way (MongoDB times out,
 * the service stops), the households written before it are complete and published; the others are not stored, and
 * their citizen ids stay claimed under ids that no household has (stale claims, which any other registration takes
 * over). Uploading the same file again finds the recorded ids: the households already written are reported as
 * {@code alreadyRegistered} and not checked or written again, and the rest are checked and written under their
 * recorded ids (so their own stale claims are theirs again). A household whose identity cells are edited before the
 * new upload gets a new key: if it was written the first time, its citizen ids now belong to it, and the new upload
 * reports them as already registered, so nobody is registered twice unnoticed (a household of members without any
 * citizen id is the exception: its edited copy would be a second household).
 */
@Service
class HouseholdImport {

    /**
     * What an upload did.
     *
     * @param registered        households written by this upload (0 whenever a problem was found)
     * @param alreadyRegistered households of the file that an earlier upload of the same rows by the same person wrote
     * @param rejected          households (and rows without a household number) with at least one problem
     * @param problems          every problem, by row
     * @param households        the households of the file and their ids, when the file was registered
     */
    record Report(int registered, int alreadyRegistered, int rejected, List<Problem> problems,
            List<ImportedHousehold> households) {
    }

    /**
     * @param number            the household's "Số thứ tự hộ" in the file
     * @param firstRow          its first row
     * @param alreadyRegistered written by an earlier upload of the same rows
     */
    record ImportedHousehold(long number, int firstRow, String id, boolean alreadyRegistered) {
    }

    private static final Pattern ACTIVE_IN = Pattern.compile("is already an active member of household (\\S+)");

    private final HouseholdRegistry registry;
    private final ImportRecords records;
    private final UnitCatalog units;
    private final CitizenIdRules citizenIds;
    private final PrivacyNotices notices;
    private final ImportProperties properties;
    private final Clock clock;

    HouseholdImport(HouseholdRegistry registry, ImportRecords records, UnitCatalog units, CitizenIdRules citizenIds,
            PrivacyNotices notices, ImportProperties properties, Clock clock) {
        this.registry = registry;
        this.records = records;
        this.units = units;
        this.citizenIds = citizenIds;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    byte[] template() {
        return HouseholdSpreadsheet.template(properties.maxRows());
    }

    /** The file's rows, or the reason the file as a whole is refused (not an .xlsx, too many rows, not the template). */
    Upload read(InputStream file) {
        return HouseholdSpreadsheet.read(file, properties.maxRows());
    }

    /**
     * Checks every household of the file and registers all of them, or none.
     *
     * @param uploader the officer's subject: recorded with the planned ids (the privacy notices record the calling
     *                 person, name and all, as every registration does)
     */
    Report register(Upload upload, String uploader) {
        LocalDate today = LocalDate.now(clock);
        List<Problem> problems = new ArrayList<>(upload.problems());
        int rejected = (int) upload.unassigned().stream().mapToInt(CellProblem::row).distinct().count();
        List<SheetHousehold> clean = new ArrayList<>();
        for (SheetHousehold household : upload.households()) {
            List<CellProblem> own = new ArrayList<>(household.problems());
            if (own.isEmpty()) {
                own.addAll(registryRules(household, today));
                own.forEach(p -> problems.add(upload.problem(household, p)));
            }
            if (own.isEmpty()) {
                clean.add(household);
            } else {
                rejected++;
            }
        }

        Map<SheetHousehold, String> keys = new LinkedHashMap<>();
        Map<String, SheetHousehold> byKey = new HashMap<>();
        for (SheetHousehold household : clean) {
            String key = key(uploader, household);
            SheetHousehold same = byKey.putIfAbsent(key, household);
            if (same != null) {
                problems.add(upload.problem(household, new CellProblem(household.first().row(), Column.HOUSEHOLD_NO,
                        "Hộ số " + household.number() + " giống hệt hộ số " + same.number() + " (dòng "
                                + same.first().row() + "): một hộ chỉ ghi một lần")));
                rejected++;
            } else {
                keys.put(household, key);
            }
        }
        Map<String, String> recorded = records.householdIds(keys.values());
        Map<String, Household> written = registry.findAll(recorded.values());
        List<SheetHousehold> already = new ArrayList<>();
        List<SheetHousehold> toRegister = new ArrayList<>();
        List<HouseholdRegistry.Planned> plan = new ArrayList<>();
        Map<String, String> newKeys = new LinkedHashMap<>();
        Map<SheetHousehold, String> ids = new HashMap<>();
        for (var entry : keys.entrySet()) {
            String id = recorded.get(entry.getValue());
            if (id != null && written.containsKey(id)) {
                already.add(entry.getKey());
            } else {
                if (id == null) {
                    id = UUID.randomUUID().toString();
                    newKeys.put(entry.getValue(), id);
                }
                toRegister.add(entry.getKey());
                plan.add(new HouseholdRegistry.Planned(id, newHousehold(entry.getKey())));
            }
            ids.put(entry.getKey(), id);
        }

        HouseholdRegistry.Prepared prepared = registry.prepareAll(plan);
        for (var problem : prepared.problems().entrySet()) {
            SheetHousehold household = toRegister.get(problem.getKey());
            problems.add(upload.problem(household, translate(household, problem.getValue())));
            rejected++;
        }
        if (!problems.isEmpty()) {
            registry.releaseAll(prepared);
            problems.sort(HouseholdSpreadsheet.BY_ROW);
            return new Report(0, already.size(), rejected, problems, List.of());
        }
        try {
            records.record(newKeys, uploader, clock.instant());
        } catch (RuntimeException e) {
            registry.releaseAll(prepared);
            throw e;
        }
        registry.writeAll(prepared);

        List<ImportedHousehold> report = new ArrayList<>();
        for (SheetHousehold household : upload.households()) {
            String id = ids.get(household);
            recordNotice(id, household);
            report.add(new ImportedHousehold(household.number(), household.first().row(), id,
                    already.contains(household)));
        }
        return new Report(toRegister.size(), already.size(), 0, List.of(), report);
    }

    /**
     * The privacy notice of the household's first row, once: a repeated upload does not record the same notice again.
     * The officer who uploads the file is recorded as the one who recorded it, as in the JSON import.
     */
    private void recordNotice(String householdId, SheetHousehold household) {
        HouseholdSpreadsheet.NoticeCells cells = household.first().notice();
        if (cells == null) {
            return;
        }
        boolean recorded = notices.of(householdId).stream().anyMatch(r -> r.version().equals(cells.version())
                && r.givenOn().equals(cells.givenOn()) && r.method() == cells.method());
        if (!recorded) {
            notices.record(householdId, new PrivacyNotices.Notice(cells.version(), cells.givenOn(), cells.method(),
                    head(household).fullName(), cells.consented()), Caller.current(), clock.instant());
        }
    }

    /** Whom the notice was given to: the head, who answers for the household at registration. */
    private static MemberRow head(SheetHousehold household) {
        return household.rows().stream().filter(m -> m.relation() == Relation.HEAD).findFirst()
                .orElse(household.first());
    }

    /** The rules of the registry that a sheet can break, said in Vietnamese on the cell (the registry says them again). */
    private List<CellProblem> registryRules(SheetHousehold household, LocalDate today) {
        List<CellProblem> problems = new ArrayList<>();
        MemberRow first = household.first();
        LocalDate on = first.registeredOn() == null ? today : first.registeredOn();
        if (first.registeredOn() != null && first.registeredOn().isAfter(today)) {
            problems.add(new CellProblem(first.row(), Column.REGISTERED_ON, "Ngày đăng ký sau hôm nay"));
            return problems;
        }
        if (first.unitCode() == null) {
            problems.add(new CellProblem(first.row(), Column.UNIT_CODE, "Ô trống: ghi mã đơn vị ở dòng đầu của hộ"));
        } else {
            Optional<AdministrativeUnit> unit = units.find(first.unitCode(), on);
            if (unit.isEmpty()) {
                problems.add(new CellProblem(first.row(), Column.UNIT_CODE, "Không có đơn vị hành chính mã "
                        + first.unitCode() + " có hiệu lực ngày " + HouseholdSpreadsheet.shownDate(on)));
            } else if (!unit.get().type().isCommuneLevel()) {
                problems.add(new CellProblem(first.row(), Column.UNIT_CODE, first.unitCode() + " ("
                        + unit.get().name() + ") không phải đơn vị cấp xã (xã, phường, thị trấn, đặc khu)"));
            }
        }
        if (first.village() == null) {
            problems.add(new CellProblem(first.row(), Column.VILLAGE, "Ô trống: ghi thôn/tổ dân phố ở dòng đầu của hộ"));
        }
        if (first.notice() != null && first.notice().givenOn() != null && first.notice().givenOn().isAfter(today)) {
            problems.add(new CellProblem(first.row(), Column.NOTICE_GIVEN_ON, "Ngày thông báo sau hôm nay"));
        }
        for (MemberRow m : household.rows()) {
            if (m.dateOfBirth().isAfter(on)) {
                problems.add(new CellProblem(m.row(), Column.DATE_OF_BIRTH, "Ngày sinh sau ngày đăng ký "
                        + HouseholdSpreadsheet.shownDate(on)));
            } else if (m.dateOfBirth().isBefore(on.minusYears(HouseholdRegistry.MAX_AGE_YEARS))) {
                problems.add(new CellProblem(m.row(), Column.DATE_OF_BIRTH, "Hơn " + HouseholdRegistry.MAX_AGE_YEARS
                        + " năm trước ngày đăng ký: kiểm tra lại năm sinh"));
            } else if (m.citizenId() != null) {
                citizenIds.mismatch(m.citizenId(), m.sex(), m.dateOfBirth()).ifPresent(mismatch -> problems.add(
                        new CellProblem(m.row(), Column.CITIZEN_ID, "Số CCCD không khớp với người này: "
                                + mismatch.reasonVi())));
            }
        }
        return problems;
    }

    /** A problem the registry found (a citizen id active in another household, mostly), on its row and column. */
    private static CellProblem translate(SheetHousehold household, RegistryRuleException e) {
        Matcher member = Pattern.compile("members\\[(\\d+)]\\.(\\w+)").matcher(e.field());
        if (member.matches()) {
            MemberRow row = household.rows().get(Integer.parseInt(member.group(1)));
            Column column = switch (member.group(2)) {
                case "citizenId" -> Column.CITIZEN_ID;
                case "dateOfBirth" -> Column.DATE_OF_BIRTH;
                case "relationToHead" -> Column.RELATION;
                case "sex" -> Column.SEX;
                default -> Column.FULL_NAME;
            };
            if (e instanceof RegistryRuleException.Conflict) {
                Matcher where = ACTIVE_IN.matcher(e.getMessage());
                return new CellProblem(row.row(), column, where.find()
                        ? "Người này đang là thành viên của hộ " + where.group(1) + " trong sổ: không đăng ký lại"
                        : "Người này đang là thành viên của một hộ ngoài đơn vị của bạn; Sở NN&MT tra cứu được hộ đó");
            }
            return new CellProblem(row.row(), column, "Không hợp lệ (" + e.getMessage() + ")");
        }
        Column column = switch (e.field()) {
            case "unitCode" -> Column.UNIT_CODE;
            case "registeredOn" -> Column.REGISTERED_ON;
            case "village" -> Column.VILLAGE;
            default -> Column.RELATION;
        };
        return new CellProblem(household.first().row(), column, "Không hợp lệ (" + e.getMessage() + ")");
    }

    private static HouseholdRegistry.NewHousehold newHousehold(SheetHousehold household) {
        MemberRow first = household.first();
        return new HouseholdRegistry.NewHousehold(first.unitCode(), first.village(), household.rows().stream()
                .map(m -> new HouseholdRegistry.NewMember(m.fullName(), m.dateOfBirth(), m.sex(), m.citizenId(),
                        m.relation(), m.sensitive())).toList(), first.registeredOn());
    }

    /** SHA-256 of the uploader and the household's identity cells (see the class comment). */
    static String key(String uploader, SheetHousehold household) {
        MemberRow first = household.first();
        StringBuilder identity = new StringBuilder(uploader).append('\u001e').append(first.unitCode()).append('\u001f')
                .append(first.village()).append('\u001f').append(first.registeredOn());
        for (MemberRow m : household.rows()) {
            identity.append('\u001e').append(m.fullName()).append('\u001f').append(m.dateOfBirth()).append('\u001f')
                    .append(m.sex()).append('\u001f').append(m.citizenId()).append('\u001f').append(m.relation());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
