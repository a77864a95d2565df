package vn.giamngheo.household.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    record RegisterHouseholdRequest(
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune-level unit code") String unitCode,
            @NotBlank @Size(max = 120) String village,
            @NotNull @Size(min = 1, max = 40, message = "must list 1 to 40 members") List<@Valid @NotNull MemberRequest> members) {
    }

    record MemberRequest(
            @NotBlank @Size(max = 120) String fullName,
            @NotNull LocalDate dateOfBirth,
            @NotNull Sex sex,
            @Pattern(regexp = "\\d{12}", message = "must be 12 digits (CCCD)") String citizenId,
            @NotNull Relation relationToHead) {
    }

    record MemberView(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
            Relation relationToHead) {
    }

    record HouseholdView(String id, String unitCode, String village, Instant registeredAt, long version,
            List<MemberView> members) {

        static HouseholdView of(Household h) {
            return new HouseholdView(h.id(), h.unitCode(), h.village(), h.registeredAt(), h.version(),
                    h.members().stream().map(m -> new MemberView(m.personId(), m.fullName(), m.dateOfBirth(), m.sex(),
                            m.citizenId(), m.relationToHead())).toList());
        }
    }

    private final HouseholdRegistry registry;

    HouseholdController(HouseholdRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<HouseholdView> register(@Valid @RequestBody RegisterHouseholdRequest request) {
        Household household;
        try {
            household = registry.register(request.unitCode(), request.village(),
                    request.members().stream().map(m -> new HouseholdRegistry.NewMember(m.fullName(),
                            m.dateOfBirth(), m.sex(), m.citizenId(), m.relationToHead())).toList());
        } catch (RegistryRuleException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
        return ResponseEntity.created(URI.create("/api/v1/households/" + household.id()))
                .body(HouseholdView.of(household));
    }

    @GetMapping("/{id}")
    HouseholdView get(@PathVariable String id) {
        return registry.find(id).map(HouseholdView::of)
                .orElseThrow(() -> ApiException.notFound("Household " + id));
    }
}
