package vn.giamngheo.household.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.Column;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.Problem;
import vn.giamngheo.household.spreadsheet.Workbooks;
import vn.giamngheo.platform.audit.AuditFilter;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/**
 * The registry-wide Excel import (issue 22): download the Vietnamese template, upload it filled in; all households are
 * registered or none (see {@link HouseholdImport}).
 *
 * <p>A unit outside the caller's units is a 403 for the whole file, as {@code POST /api/v1/households} and the JSON
 * import answer, rather than a row problem: the caller may not register there at all, so the file's other problems
 * do not matter to them yet, and every endpoint answers another unit's data the same way. The 403 still names each
 * row and the column, so the officer knows what to take out.
 */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdImportController {

    private final HouseholdImport imports;
    private final AreaAccess guard;

    HouseholdImportController(HouseholdImport imports, AreaAccess guard) {
        this.imports = imports;
        this.guard = guard;
    }

    @Operation(summary = "Mẫu Excel nhập hộ (Vietnamese import template)", description = "One row per member; a "
            + "second sheet explains each column, its allowed values and an example household.")
    @GetMapping("/import-template")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX_MEDIA_TYPE))
                .header("Content-Disposition", "attachment; filename=\"mau-nhap-ho.xlsx\"")
                .body(imports.template());
    }

    @Operation(summary = "Upload a filled-in import template: all households registered, or none",
            description = "200 with the report when every row is valid (households registered, or recognised as "
                    + "registered by an earlier upload of the same rows); 422 problem details carrying the same report "
                    + "when any row has a problem (nothing registered); 400 when the file is not the .xlsx template or "
                    + "has too many rows; 403 when a row names a unit outside the caller's units.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "all registered", content = @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HouseholdImport.Report.class))),
                    @ApiResponse(responseCode = "422", description = "rows with problems; nothing registered: problem "
                            + "details with the report's members", content = @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = HouseholdImport.Report.class))),
                    @ApiResponse(responseCode = "400", description = "not the template, not .xlsx, too many rows"),
                    @ApiResponse(responseCode = "403", description = "a unit outside the caller's units")})
    @PostMapping(path = "/import-upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@Parameter(description = "the filled-in .xlsx template") @RequestParam("file")
            MultipartFile file, HttpServletRequest http) {
        HouseholdSpreadsheet.Upload upload;
        try (InputStream in = file.getInputStream()) {
            upload = imports.read(in);
        } catch (Workbooks.RefusedFileException e) {
            throw ApiException.invalid("file", switch (e.reason()) {
                case NOT_XLSX -> "Tệp không phải sổ tính Excel .xlsx (tệp .xls cũ hoặc tệp khác đổi tên): hãy tải mẫu "
                        + "nhập hộ, điền vào rồi lưu dạng .xlsx";
                case TOO_MANY_ROWS -> "Trang «" + e.sheet() + "» có hơn " + e.limit() + " dòng: chia thành nhiều tệp";
                case UNREADABLE -> "Không đọc được tệp: " + e.getMessage();
            });
        } catch (HouseholdSpreadsheet.NotTheTemplateException e) {
            throw ApiException.invalid("file", e.getMessage());
        } catch (IOException e) {
            throw ApiException.invalid("file", "Không đọc được tệp: " + e.getMessage());
        }
        if (upload.households().isEmpty() && upload.unassigned().isEmpty()) {
            throw ApiException.invalid("file", "Tệp chưa có dòng nào: điền mỗi người một dòng từ dòng 3 của trang «"
                    + HouseholdSpreadsheet.SHEET + "»");
        }
        checkUnits(upload);
        HouseholdImport.Report report;
        try {
            report = imports.register(upload, Caller.current().subject());
        } catch (RegistryRuleException.Conflict e) {
            throw ApiException.conflict(e.field(), e.getMessage());
        }
        if (report.problems().isEmpty()) {
            AuditFilter.households(http, report.households().stream().map(HouseholdImport.ImportedHousehold::id)
                    .toList());
            return ResponseEntity.ok(report);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "Tệp có "
                + report.problems().size() + " lỗi ở " + report.rejected() + " hộ: không hộ nào được ghi vào sổ. Sửa "
                + "các dòng được liệt kê rồi tải lại cả tệp.");
        body.setTitle("Tệp nhập hộ có dòng sai");
        body.setProperty("registered", report.registered());
        body.setProperty("alreadyRegistered", report.alreadyRegistered());
        body.setProperty("rejected", report.rejected());
        body.setProperty("problems", report.problems());
        body.setProperty("households", report.households());
        body.setProperty("errors", report.problems().stream().map(p -> new FieldProblem("rows[" + p.row() + "]."
                + p.field(), p.column() + ": " + p.reason())).toList());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The first rows of a list, and how many more: a whole file of another unit would list thousands. */
    private static String rows(TreeSet<Integer> rows) {
        String first = rows.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
        return rows.size() <= 20 ? first : first + " và " + (rows.size() - 20) + " dòng khác";
    }

    /** A 403 naming the rows (and the column) of every unit the caller does not act for. */
    private void checkUnits(HouseholdSpreadsheet.Upload upload) {
        Map<String, TreeSet<Integer>> foreign = new TreeMap<>();
        upload.households().forEach(h -> h.rows().forEach(m -> {
            if (m.unitCode() != null && !guard.mayActFor(m.unitCode())) {
                foreign.computeIfAbsent(m.unitCode(), u -> new TreeSet<>()).add(m.row());
            }
        }));
        if (foreign.isEmpty()) {
            return;
        }
        String column = upload.heading(Column.UNIT_CODE);
        List<Problem> problems = foreign.entrySet().stream().flatMap(e -> e.getValue().stream().map(row ->
                new Problem(row, column, Column.UNIT_CODE.field, "Bạn không phụ trách đơn vị " + e.getKey()))).toList();
        throw new ApiException(HttpStatus.FORBIDDEN, "Tệp có hộ thuộc đơn vị bạn không phụ trách: " + foreign.entrySet()
                .stream().map(e -> e.getKey() + " (cột «" + column + "», dòng " + rows(e.getValue()) + ")")
                .collect(Collectors.joining("; ")) + ". Bỏ các dòng đó hoặc nhờ đơn vị đó nhập.",
                problems.stream().map(p -> new FieldProblem("rows[" + p.row() + "]." + p.field(), p.column() + ": "
                        + p.reason())).toList());
    }
}
