package vn.giamngheo.policy.applications;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.security.HouseholdAccess;
import vn.giamngheo.platform.security.Role;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.policy.DepartmentAccess;

/** Applications for loans, housing support and the social pension, and the department's review of them. */
@RestController
@RequestMapping("/api/v1/applications")
class ApplicationController {

    /** @param personId the applicant, for a person-level benefit; {@code requestedAmountVnd} for a loan */
    record SubmitRequest(String policyCode, String householdId, String personId, LocalDate submittedOn,
            Long requestedAmountVnd, String note) {
    }

    record ReviewRequest(String reviewer, LocalDate startedOn) {
    }

    /** @param approvedAmountVnd for a loan; defaults to the requested amount */
    record ApproveRequest(String reviewer, String decisionNumber, LocalDate decidedOn, Long approvedAmountVnd) {
    }

    record RejectRequest(String reviewer, String reason, LocalDate decidedOn) {
    }

    private final Applications applications;
    private final HouseholdAccess areas;

    ApplicationController(Applications applications, HouseholdAccess areas) {
        this.applications = applications;
        this.areas = areas;
    }

    @PostMapping
    ResponseEntity<Application> submit(@RequestBody SubmitRequest request) {
        if (request.householdId() != null && !request.householdId().isBlank()) {
            areas.check(request.householdId());
        }
        Application application = applications.submit(request.policyCode(), request.householdId(),
                request.personId(), request.submittedOn(), request.requestedAmountVnd(), request.note(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/applications/" + application.id())).body(application);
    }

    @GetMapping
    List<Application> list(@RequestParam(required = false) String department,
            @RequestParam(required = false) String householdId,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "200") int limit) {
        Application.Status wanted = null;
        if (status != null) {
            try {
                wanted = Application.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "must be one of " + List.of(Application.Status.values()));
            }
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", "must be between 1 and 1000");
        }
        areas.checkListOf(householdId);
        // A department officer lists their own department's applications: theirs when none is named.
        Caller caller = Caller.current();
        if (department == null && caller.has(Role.DEPARTMENT_OFFICER) && !caller.has(Role.CITY_ADMIN)) {
            department = caller.department();
        }
        DepartmentAccess.checkRead(department, "The list of department " + department);
        return applications.list(department, householdId, wanted, limit);
    }

    @GetMapping("/{id}")
    Application get(@PathVariable String id) {
        return readable(id);
    }

    /** Whether the application meets its policy's conditions on {@code date} (default today), and why. */
    @GetMapping("/{id}/eligibility")
    Applications.EligibilityCheck eligibility(@PathVariable String id, @RequestParam(required = false) LocalDate date) {
        readable(id);
        return applications.eligibility(id, date);
    }

    /**
     * The application, if its household lies in the caller's units (the same 403 as for the household itself) and,
     * for a department officer, it is their department's.
     */
    private Application readable(String id) {
        Application application = applications.find(id);
        areas.check(application.householdId());
        DepartmentAccess.checkRead(application.department(), "Application " + id);
        return application;
    }

    /**
     * Only the department that owns the application's policy decides it (the education office cannot approve a
     * loan); the city administrator may act for any department.
     */
    private void ownDepartment(String id) {
        DepartmentAccess.checkDecision(readable(id).department(), "Application " + id);
    }

    @PostMapping("/{id}/review")
    Application review(@PathVariable String id, @RequestBody ReviewRequest request) {
        ownDepartment(id);
        return applications.startReview(id, request.reviewer(), request.startedOn(), Caller.current());
    }

    @PostMapping("/{id}/approve")
    Application approve(@PathVariable String id, @RequestBody ApproveRequest request) {
        ownDepartment(id);
        return applications.approve(id, request.reviewer(), request.decisionNumber(), request.decidedOn(),
                request.approvedAmountVnd(), Caller.current());
    }

    @PostMapping("/{id}/reject")
    Application reject(@PathVariable String id, @RequestBody RejectRequest request) {
        ownDepartment(id);
        return applications.reject(id, request.reviewer(), request.reason(), request.decidedOn(),
                Caller.current());
    }
}
