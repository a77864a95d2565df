package vn.giamngheo.household.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.audit.AuditFilter;
import vn.giamngheo.platform.audit.AuditLog;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.security.Role;
import vn.giamngheo.platform.units.Coverage;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;
import vn.giamngheo.platform.web.OneLine;

/** The household registry: registration, explicit change commands, history, listing. */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    record RegisterHouseholdRequest(
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune-level unit code") String unitCode,
            @NotBlank @Size(max = 120) @OneLine String village,
            @NotNull @Size(min = 1, max = 40, message = "must list 1 to 40 members") List<@Valid @NotNull MemberRequest> members,
            LocalDate registeredOn,
            @Valid PrivacyNotices.Notice privacyNotice) {
    }

    record CorrectionRequest(@Size(max = 120) @OneLine String fullName, LocalDate dateOfBirth, Sex sex,
            @Pattern(regexp = "\\d{12}", message = "must be 12 digits (CCCD)") String citizenId,
            @Valid Member.Sensitive sensitive, @NotBlank @Size(max = 500) String reason, LocalDate effectiveDate) {
    }

    /** Everything household-service holds about one person, for the person (Decree 13/2023 Art. 9 and 14). */
    record PersonalDataExport(Instant exportedAt, MemberView person, String householdId, String unitCode,
            String village, HouseholdStatus householdStatus, HouseholdClass currentClass, List<ClassRecord> classes,
            List<Household.HistoryEntry> history, List<PrivacyNotices.Recorded> privacyNotices,
            List<AuditLog.Entry> accessLog) {
    }

    record MemberRequest(
            @NotBlank @Size(max = 120) @OneLine String fullName,
            @NotNull LocalDate dateOfBirth,
            @NotNull Sex sex,
            @Pattern(regexp = "\\d{12}", message = "must be 12 digits (CCCD)") String citizenId,
            @NotNull Relation relationToHead,
            @Valid Member.Sensitive sensitive) {

        HouseholdRegistry.NewMember toNewMember() {
            return new HouseholdRegistry.NewMember(fullName, dateOfBirth, sex, citizenId, relationToHead, sensitive);
        }
    }

    record AddMemberRequest(@NotNull @Valid MemberRequest member, LocalDate effectiveDate) {
    }

    record RemoveMemberRequest(@NotNull RemovalReason reason, LocalDate effectiveDate) {
    }

    enum RemovalReason { DIED, MOVED_OUT_OF_REGISTRY, REGISTERED_IN_ERROR, OTHER }

    record MoveMemberRequest(@NotBlank String toHouseholdId, @NotNull Relation relationToHead, LocalDate effectiveDate) {
    }

    record ChangeHeadRequest(@NotBlank String newHeadPersonId, @NotNull Relation previousHeadRelation,
            LocalDate effectiveDate) {
    }

    record SplitRequest(@NotEmpty @Size(max = 40) Set<@NotBlank String> personIds, @NotBlank String newHeadPersonId,
            Map<String, Relation> relations, @Size(max = 120) @OneLine String village, LocalDate effectiveDate) {
    }

    record MergeRequest(@NotBlank String absorbedHouseholdId, Map<String, Relation> relations,
            LocalDate effectiveDate) {
    }

    record MoveAwayRequest(@NotNull MoveAwayReason reason, LocalDate effectiveDate) {
    }

    enum MoveAwayReason { MOVED_AWAY, DISSOLVED, REGISTERED_IN_ERROR }

    /** @param sensitive only for the roles that need it (see {@link #seesSensitiveData()}); null otherwise */
    record MemberView(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
            Relation relationToHead, MemberStatus status, LocalDate joinedOn, LocalDate leftOn, String leftReason,
            Member.Sensitive sensitive) {

        static MemberView of(Member m, boolean sensitive) {
            boolean identity = seesIdentity();
            return new MemberView(m.personId(), identity ? m.fullName() : null, m.dateOfBirth(), m.sex(),
                    identity ? m.citizenId() : null,
                    m.relationToHead(), m.status(), m.joinedOn(), m.leftOn(), m.leftReason(),
                    sensitive ? m.sensitive() : null);
        }
    }

    /**
     * Ethnicity, disability and health are returned to the Labour office, ward officers (who survey) and the
     * administrator; not to a chairman signing decisions or to another service.
     */
    static boolean seesSensitiveData() {
        return Caller.current().has(Role.CITY_ADMIN, Role.LABOUR_OFFICER, Role.WARD_OFFICER);
    }

    /**
     * Names and citizen ids are for the officers who work with the household — a department too, for the one household
     * it decides a benefit for (it may read no list) —; another service reading the registry with the platform's token
     * gets ids, dates, relations and classes, which is all it acts on.
     */
    static boolean seesIdentity() {
        return Caller.current().has(Role.CITY_ADMIN, Role.LABOUR_OFFICER, Role.WARD_OFFICER, Role.COMMUNE_CHAIRMAN,
                Role.DEPARTMENT_OFFICER);
    }

    /**
     * @param unitSince         the day from which it is recorded in {@code unitCode}, which says which unit the code
     *                          meant (codes were re-used in 2025)
     * @param currentClass      the class in force today
     * @param upcomingClass     a decision taken but not in force yet (an annual review's class for next year); null
     *                          otherwise
     * @param newlyEscapedUntil last day the household counts as "hộ mới thoát nghèo"; null otherwise
     */
    record HouseholdView(String id, String unitCode, LocalDate unitSince, String village, Instant registeredAt,
            long version, HouseholdStatus status, HouseholdClass currentClass, UpcomingClass upcomingClass,
            LocalDate newlyEscapedUntil, List<MemberView> members) {

        static HouseholdView of(Household h, LocalDate today) {
            boolean sensitive = seesSensitiveData();
            return new HouseholdView(h.id(), h.unitCode(), h.unitSince(), h.village(), h.registeredAt(), h.version(),
                    h.status(), h.classOn(today), h.decisionPendingOn(today).map(UpcomingClass::of).orElse(null),
                    h.newlyEscapedUntil(), h.members().stream().map(m -> MemberView.of(m, sensitive)).toList());
        }
    }

    /** A class decided to take effect on a later day, with the decision that says so. */
    record UpcomingClass(HouseholdClass householdClass, LocalDate from, String decisionNumber, LocalDate decisionDate,
            String standard) {

        static UpcomingClass of(ClassRecord r) {
            return new UpcomingClass(r.toClass(), r.effectiveDate(), r.decisionNumber(), r.decisionDate(),
                    r.standard());
        }
    }

    private HouseholdView view(Household household) {
        return HouseholdView.of(household, LocalDate.now(clock));
    }

    /** @param unitSince as in {@link HouseholdView}: 04891 since 2024 is Xã Vầy Nưa, since 2025-07-01 Xã Tiền Phong */
    record HouseholdSummary(String id, String unitCode, LocalDate unitSince, String village, String headName,
            int activeMembers, HouseholdStatus status, HouseholdClass currentClass) {
    }

    record HouseholdPage(List<HouseholdSummary> items, int page, int size, long total) {
    }

    private final HouseholdRegistry registry;
    private final AreaAccess guard;
    private final PrivacyNotices notices;
    private final AuditLog audit;
    private final Clock clock;

    HouseholdController(HouseholdRegistry registry, AreaAccess guard, PrivacyNotices notices, AuditLog audit,
            Clock clock) {
        this.registry = registry;
        this.guard = guard;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The caller must act for the unit that covers the household today (404 first when there is no such household; 422
     * when its unit was split and its successor is not recorded yet).
     */
    private void guard(String id) {
        Household household = registry.find(id).orElseThrow(() -> ApiException.notFound("Household " + id));
        guard.checkHousehold(id, household.unitCode(), household.unitSince());
    }

    @PostMapping
    ResponseEntity<HouseholdView> register(@Valid @RequestBody RegisterHouseholdRequest request) {
        guard.checkUnit(request.unitCode());
        Household household = run(() -> registry.register(request.unitCode(), request.village(),
                request.members().stream().map(MemberRequest::toNewMember).toList(), request.registeredOn()));
        if (request.privacyNotice() != null) {
            notices.record(household.id(), request.privacyNotice(), Caller.current(), clock.instant());
        }
        return ResponseEntity.created(URI.create("/api/v1/households/" + household.id()))
                .body(view(household));
    }

    record ImportRequest(@NotNull @Size(min = 1, max = 500, message = "must list 1 to 500 households")
            List<@Valid @NotNull RegisterHouseholdRequest> households) {
    }

    /** @param id the new household's id, or null when it was not registered; @param errors why not */
    record ImportedHousehold(int index, String id, List<FieldProblem> errors) {
    }

    record ImportReport(int registered, int rejected, List<ImportedHousehold> households) {
    }

    /**
     * Registers up to 500 households in one call (a ward's list taken over from an earlier register), each as
     * {@link #register} would: a household that breaks a rule is reported with the field ({@code households[i]...})
     * and the reason, and the others are registered. A malformed request registers nothing. The audit names every
     * household registered.
     */
    @PostMapping("/import")
    ImportReport importHouseholds(@Valid @RequestBody ImportRequest request, HttpServletRequest http) {
        request.households().stream().map(RegisterHouseholdRequest::unitCode).distinct().forEach(guard::checkUnit);
        List<HouseholdRegistry.Imported> results = registry.registerAll(request.households().stream()
                .map(h -> new HouseholdRegistry.NewHousehold(h.unitCode(), h.village(),
                        h.members().stream().map(MemberRequest::toNewMember).toList(), h.registeredOn())).toList());
        List<ImportedHousehold> report = new ArrayList<>();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            HouseholdRegistry.Imported r = results.get(i);
            if (r.id() != null) {
                registered.add(r.id());
                PrivacyNotices.Notice notice = request.households().get(i).privacyNotice();
                if (notice != null) {
                    notices.record(r.id(), notice, Caller.current(), clock.instant());
                }
                report.add(new ImportedHousehold(i, r.id(), List.of()));
            } else {
                report.add(new ImportedHousehold(i, null, List.of(new FieldProblem("households[" + i + "]."
                        + r.problem().field(), r.problem().getMessage()))));
            }
        }
        AuditFilter.households(http, registered);
        return new ImportReport(registered.size(), results.size() - registered.size(), report);
    }

    @GetMapping
    HouseholdPage list(@RequestParam(required = false) @Pattern(regexp = "\\d{5}") String unitCode,
            @RequestParam(required = false) String village,
            @RequestParam(name = "class", required = false) HouseholdClass householdClass,
            @RequestParam(defaultValue = "ACTIVE") HouseholdStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (unitCode == null) {
            guard.checkAllUnits("unitCode");
        } else {
            guard.checkUnit(unitCode);
        }
        HouseholdStore.Page result = registry.list(unitCode, village, householdClass, status, page, size);
        LocalDate today = LocalDate.now(clock);
        return new HouseholdPage(result.items().stream().map(h -> new HouseholdSummary(h.id(), h.unitCode(),
                h.unitSince(), h.village(),
                h.status() == HouseholdStatus.ACTIVE && seesIdentity() ? h.head().fullName() : null,
                h.activeMembers().size(), h.status(), h.classOn(today))).toList(), page, size, result.total());
    }

    @GetMapping("/{id}")
    HouseholdView get(@PathVariable String id) {
        guard(id);
        return registry.find(id).map(this::view)
                .orElseThrow(() -> ApiException.notFound("Household " + id));
    }

    /** The household's class decisions, oldest first, each with its decision and the assessment behind it. */
    @GetMapping("/{id}/classes")
    List<ClassRecord> classes(@PathVariable String id) {
        guard(id);
        return registry.find(id).map(Household::classHistory)
                .orElseThrow(() -> ApiException.notFound("Household " + id));
    }

    @GetMapping("/{id}/history")
    List<Household.HistoryEntry> history(@PathVariable String id) {
        guard(id);
        return run(() -> registry.history(id));
    }

    @PostMapping("/{id}/members")
    HouseholdView addMember(@PathVariable String id, @Valid @RequestBody AddMemberRequest request) {
        guard(id);
        return view(run(() -> registry.addMember(id, request.member().toNewMember(),
                request.effectiveDate())));
    }

    @PostMapping("/{id}/members/{personId}/removal")
    HouseholdView removeMember(@PathVariable String id, @PathVariable String personId,
            @Valid @RequestBody RemoveMemberRequest request) {
        guard(id);
        return view(run(() -> registry.removeMember(id, personId, request.reason().name(),
                request.effectiveDate())));
    }

    @PostMapping("/{id}/members/{personId}/move")
    HouseholdView moveMember(@PathVariable String id, @PathVariable String personId,
            @Valid @RequestBody MoveMemberRequest request) {
        guard(id);
        guard(request.toHouseholdId());
        return view(run(() -> registry.moveMember(id, personId, request.toHouseholdId(),
                request.relationToHead(), request.effectiveDate())));
    }

    @PostMapping("/{id}/head")
    HouseholdView changeHead(@PathVariable String id, @Valid @RequestBody ChangeHeadRequest request) {
        guard(id);
        return view(run(() -> registry.changeHead(id, request.newHeadPersonId(),
                request.previousHeadRelation(), request.effectiveDate())));
    }

    @PostMapping("/{id}/split")
    ResponseEntity<HouseholdView> split(@PathVariable String id, @Valid @RequestBody SplitRequest request) {
        guard(id);
        Household founded = run(() -> registry.split(id, request.personIds(), request.newHeadPersonId(),
                request.relations() == null ? Map.of() : request.relations(), request.village(),
                request.effectiveDate()));
        return ResponseEntity.created(URI.create("/api/v1/households/" + founded.id()))
                .body(view(founded));
    }

    @PostMapping("/{id}/merge")
    HouseholdView merge(@PathVariable String id, @Valid @RequestBody MergeRequest request) {
        guard(id);
        guard(request.absorbedHouseholdId());
        return view(run(() -> registry.merge(id, request.absorbedHouseholdId(),
                request.relations() == null ? Map.of() : request.relations(), request.effectiveDate())));
    }

    @PostMapping("/{id}/move-away")
    HouseholdView moveAway(@PathVariable String id, @Valid @RequestBody MoveAwayRequest request) {
        guard(id);
        return view(run(() -> registry.moveAway(id, request.reason().name(), request.effectiveDate())));
    }

    /**
     * @param unitCode the successor whose part of the split unit the household's village lies in
     * @param village  the village's name since the merger, when it changed (the old name is kept otherwise)
     */
    record SuccessorRequest(@NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune-level unit code")
            String unitCode, @Size(max = 120) @OneLine String village) {
    }

    /**
     * Which successor covers a household registered in a unit that was later split (Xã Vầy Nưa 04891 → 04828 or
     * 04891): said by an officer of either successor (or the Sở), since only the commune knows where its village lies.
     */
    @PostMapping("/{id}/successor-unit")
    HouseholdView recordSuccessor(@PathVariable String id, @Valid @RequestBody SuccessorRequest request) {
        Household household = registry.find(id).orElseThrow(() -> ApiException.notFound("Household " + id));
        if (registry.coverage(household) instanceof Coverage.Split split) {
            guard.checkAnyUnit(split.successorCodes());
        } else {
            guard(id);
        }
        return view(run(() -> registry.recordSuccessor(id, request.unitCode(), request.village())));
    }

    /** Records the privacy notice given to the household (and its consent) after registration. */
    @PostMapping("/{id}/privacy-notices")
    List<PrivacyNotices.Recorded> privacyNotice(@PathVariable String id,
            @Valid @RequestBody PrivacyNotices.Notice notice) {
        guard(id);
        notices.record(id, notice, Caller.current(), clock.instant());
        return notices.of(id);
    }

    /** Corrects a member's identity or sensitive data on the person's request. */
    @PostMapping("/{id}/members/{personId}/correction")
    HouseholdView correct(@PathVariable String id, @PathVariable String personId,
            @Valid @RequestBody CorrectionRequest request) {
        guard(id);
        return view(run(() -> registry.correctMember(id, personId, new HouseholdRegistry.Correction(
                request.fullName(), request.dateOfBirth(), request.sex(), request.citizenId(), request.sensitive(),
                request.reason()), request.effectiveDate())));
    }

    /** A person's data as held here, with who accessed the household's data: for a request by the person. */
    @GetMapping("/{id}/members/{personId}/export")
    PersonalDataExport export(@PathVariable String id, @PathVariable String personId) {
        guard(id);
        if (!seesSensitiveData()) {
            throw ApiException.forbidden("Exports are made by the Labour office, the ward's officers or the "
                    + "administrator");
        }
        Household h = registry.find(id).orElseThrow(() -> ApiException.notFound("Household " + id));
        Member member = h.members().stream().filter(m -> m.personId().equals(personId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Person " + personId + " in household " + id));
        return new PersonalDataExport(clock.instant(), MemberView.of(member, true), h.id(), h.unitCode(), h.village(),
                h.status(), h.classOn(LocalDate.now(clock)), h.classHistory(), run(() -> registry.history(id)),
                notices.of(id),
                audit.find(id, null, null, null, 5000));
    }

    /** Registry rule → 400, conflict → 409, unknown household → 404, concurrent change → 409. */
    private static <T> T run(Supplier<T> command) {
        try {
            return command.get();
        } catch (RegistryRuleException.NotFound e) {
            throw ApiException.notFound(e.getMessage().replace(" was not found", ""));
        } catch (RegistryRuleException.Conflict e) {
            throw ApiException.conflict(e.field(), e.getMessage());
        } catch (RegistryRuleException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        } catch (HouseholdStore.ConcurrentChangeException e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("version",
                    "changed concurrently")));
        }
    }
}
