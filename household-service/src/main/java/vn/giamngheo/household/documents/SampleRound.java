package vn.giamngheo.household.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.classification.PovertyStandard;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.household.registry.Member;
import vn.giamngheo.household.registry.Relation;
import vn.giamngheo.household.registry.Sex;
import vn.giamngheo.household.review.ReviewKind;
import vn.giamngheo.household.review.ReviewRound;
import vn.giamngheo.household.review.RoundState;
import vn.giamngheo.household.review.Survey;
import vn.giamngheo.household.review.SurveyStatus;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitType;

/**
 * A made-up decided round of three households (poor, escaped to near-poor, escaped near-poverty to the middle band):
 * a template being stored is filled in with it, so that each of its placeholders exists and its output is XHTML.
 */
final class SampleRound {

    private static final LocalDate MEETING = LocalDate.of(2025, 10, 6);

    private SampleRound() {
    }

    /** The sample round applies the standard in force on this day. */
    static final LocalDate STANDARD_DATE = LocalDate.of(2026, 1, 1);

    static DocumentModels.Papers papers(PovertyStandard standard, DocumentKind kind) {
        ReviewRound round = new ReviewRound("mau-2025", "08707", ReviewKind.ANNUAL, LocalDate.of(2025, 9, 15),
                standard.code(), 3, RoundState.CLOSED, Instant.parse("2025-09-15T01:00:00Z"), MEETING,
                LocalDate.of(2025, 10, 8), LocalDate.of(2025, 10, 10),
                new ReviewRound.DecisionInfo("125/QĐ-UBND", LocalDate.of(2025, 10, 14), "COMMUNE_CHAIRMAN",
                        LocalDate.of(2026, 1, 1)), 7);
        AdministrativeUnit unit = new AdministrativeUnit("08707", "Phường Vĩnh Yên", UnitType.PHUONG, "25",
                LocalDate.of(2025, 7, 1), null, List.of());
        List<String> deprived = standard.indicators().stream().limit(3).map(i -> i.code()).toList();
        return new DocumentModels.Papers(round, unit, DocumentModels.dateOf(kind, round), standard, List.of(
                line("mau-1", "Nguyễn Thị Hoà", "Tổ dân phố Đồng Tâm 3", HouseholdClass.POOR, HouseholdClass.POOR,
                        1_500_000, deprived),
                line("mau-2", "Đặng Văn Bường", "Tổ dân phố Đồng Tâm 3", HouseholdClass.POOR,
                        HouseholdClass.NEAR_POOR, 1_900_000, deprived.subList(0, 1)),
                line("mau-3", "Lò Thị Ánh", "Tổ dân phố Hội Hợp 1", HouseholdClass.NEAR_POOR, HouseholdClass.MIDDLE,
                        2_600_000, List.of())));
    }

    private static DocumentModels.Line line(String id, String head, String village, HouseholdClass before,
            HouseholdClass after, long income, List<String> deprived) {
        LocalDate joined = LocalDate.of(2021, 3, 1);
        Household household = new Household(id, "08707", village, List.of(
                Member.joining(id + "-1", head, LocalDate.of(1970, 5, 17), Sex.FEMALE, null, Relation.HEAD, joined),
                Member.joining(id + "-2", "Hà Văn Đức", LocalDate.of(1968, 2, 3), Sex.MALE, null, Relation.SPOUSE,
                        joined),
                Member.joining(id + "-3", "Hà Thị Ngọc Ánh", LocalDate.of(2010, 11, 30), Sex.FEMALE, null,
                        Relation.CHILD, joined)),
                Instant.parse("2021-03-01T01:00:00Z"), 4, HouseholdStatus.ACTIVE, after, joined);
        Survey survey = new Survey("mau-2025", id, SurveyStatus.AGREED, id + "-a",
                after, "standard", "URBAN", income, deprived, List.of(), Instant.parse("2025-09-20T01:00:00Z"), id,
                List.of(new Survey.Vote(MEETING, 24, 18)), null);
        return new DocumentModels.Line(survey, household, before);
    }
}
