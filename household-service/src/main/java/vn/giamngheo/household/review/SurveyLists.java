package vn.giamngheo.household.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.household.search.Folding;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;

/**
 * The list to survey of a round (Decision 24/2021 Art. 4–5: the households on the poor and near-poor lists and those
 * that asked): the unit's active households whose class in force on the reference date is POOR or NEAR_POOR, those
 * with a Form 01 or Form 04 request the round takes ({@link ReviewRequests#takenBy}), and any other household the round
 * has surveyed (an officer may survey any household of the unit). Computed for many rounds at once with one read of
 * the households once on a poor or near-poor list and one query of requests, for the board of a province.
 */
@Component
class SurveyLists {

    /** Why a household is on the list. */
    enum Why { CURRENT_LIST, FORM_01, FORM_04, ADDED }

    /** A household on the list, with why. */
    record Listed(Household household, Set<Why> why) {
    }

    private static final Set<HouseholdClass> LISTED = EnumSet.of(HouseholdClass.POOR, HouseholdClass.NEAR_POOR);

    private final HouseholdRegistry registry;
    private final UnitCatalog units;
    private final ReviewRequests requests;

    SurveyLists(HouseholdRegistry registry, UnitCatalog units, ReviewRequests requests) {
        this.registry = registry;
        this.units = units;
        this.requests = requests;
    }

    /** One round's list, sorted by village, then by the head's name the Vietnamese way. */
    List<Listed> of(ReviewRound round, Collection<String> surveyed) {
        Map<String, Household> found = new HashMap<>();
        Map<String, Set<Why>> reasons = new LinkedHashMap<>(reasons(List.of(round), found).get(round.id()));
        for (String householdId : surveyed) {
            reasons.computeIfAbsent(householdId, h -> EnumSet.of(Why.ADDED));
        }
        List<String> missing = reasons.keySet().stream().filter(id -> !found.containsKey(id)).toList();
        found.putAll(registry.findAll(missing));
        List<Listed> list = new ArrayList<>();
        reasons.forEach((id, why) -> {
            Household household = found.get(id);
            // A requester that has left the registry since is not surveyed; a household surveyed stays listed.
            if (household != null && (why.contains(Why.ADDED) || household.status()
                    == vn.giamngheo.household.registry.HouseholdStatus.ACTIVE)) {
                list.add(new Listed(household, why));
            }
        });
        list.sort(Comparator.comparing((Listed l) -> l.household().village(), Folding::compareVietnamese)
                .thenComparing(l -> Folding.sortKey(l.household().head().fullName()), Arrays::compareUnsigned)
                .thenComparing(l -> l.household().id()));
        return list;
    }

    /**
     * For each round (by id), the households it lists by class or by request with why, without those it only
     * surveyed. Households read here are put in {@code found}.
     */
    Map<String, Map<String, Set<Why>>> reasons(Collection<ReviewRound> rounds, Map<String, Household> found) {
        Map<String, Map<String, Set<Why>>> result = new HashMap<>();
        rounds.forEach(r -> result.put(r.id(), new LinkedHashMap<>()));
        Map<String, List<ReviewRound>> byCode = new HashMap<>();
        Map<LocalDate, Map<String, Set<String>>> codesByDay = new HashMap<>();
        for (ReviewRound round : rounds) {
            Map<String, Set<String>> codes = codesByDay.computeIfAbsent(round.referenceDate(), this::codesCovered);
            for (String code : codes.getOrDefault(round.unitCode(), Set.of())) {
                byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(round);
            }
        }
        registry.forEachActiveIn(byCode.keySet(), LISTED, household -> {
            for (ReviewRound round : byCode.getOrDefault(household.unitCode(), List.of())) {
                if (LISTED.contains(household.classOn(round.referenceDate())) && coveredBy(household, round)) {
                    result.get(round.id()).computeIfAbsent(household.id(), h -> EnumSet.noneOf(Why.class))
                            .add(Why.CURRENT_LIST);
                    found.put(household.id(), household);
                }
            }
        });
        requests.takenBy(rounds).forEach((roundId, taken) -> taken.forEach(r -> result.get(roundId)
                .computeIfAbsent(r.householdId(), h -> EnumSet.noneOf(Why.class))
                .add(r.form() == ReviewRequest.Form.FORM_01 ? Why.FORM_01 : Why.FORM_04)));
        return result;
    }

    /** For each unit in force on {@code day}, the codes its households may be recorded under (its own, merged ones). */
    private Map<String, Set<String>> codesCovered(LocalDate day) {
        Map<String, Set<String>> codes = new HashMap<>();
        for (AdministrativeUnit version : units.all()) {
            units.coverage(version.code(), version.validFrom(), day).covering()
                    .ifPresent(code -> codes.computeIfAbsent(code, c -> new HashSet<>()).add(version.code()));
        }
        return codes;
    }

    /**
     * Whether the household lies in the round's unit on its reference date; one of a split unit whose successor is
     * not recorded yet lies in none (it cannot be surveyed until it is).
     */
    boolean coveredBy(Household household, ReviewRound round) {
        return units.coverage(household.unitCode(), household.unitSince(), round.referenceDate()).covering()
                .filter(round.unitCode()::equals).isPresent();
    }
}
