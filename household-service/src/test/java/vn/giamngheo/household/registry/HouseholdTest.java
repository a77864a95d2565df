package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.contracts.household.HouseholdClass.NEAR_POOR;
import static vn.giamngheo.contracts.household.HouseholdClass.POOR;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.contracts.household.Transition;

class HouseholdTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    private final HouseholdRegistered sample = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED).data();

    private static Household family() {
        return Household.register("h-1", "08707", "Tổ 1", Households.familyOfThree("p-1", "p-2", "p-3"), NOW, DAY)
                .household();
    }

    private static Member grandmother() {
        return Member.joining("p-4", "Lê Thị Dung", LocalDate.parse("1945-01-01"), Sex.FEMALE, null,
                Relation.PARENT, DAY);
    }

    @Test
    void registrationPublishesTheGoldenSample() {
        var ids = sample.members();
        var registration = Household.register(sample.householdId(), sample.unitCode(), sample.village(),
                Households.familyOfThree(ids.get(0).personId(), ids.get(1).personId(), ids.get(2).personId()),
                sample.registeredAt(), DAY);

        assertThat(EventCodec.sameJson(EventCodec.writePayload(registration.events().getFirst()),
                Samples.payloadBytes(EventTypes.HOUSEHOLD_REGISTERED))).isTrue();
        assertThat(registration.history().change()).isEqualTo("REGISTERED");
    }

    @Test
    void addingTheChildPublishesTheUpdatedGoldenSample() {
        var ids = sample.members();
        List<Member> family = Households.familyOfThree(ids.get(0).personId(), ids.get(1).personId(),
                ids.get(2).personId());
        Household couple = Household.register(sample.householdId(), sample.unitCode(), sample.village(),
                family.subList(0, 2), sample.registeredAt(), DAY).household();

        var change = couple.addMember(family.get(2), LocalDate.parse("2026-11-25"), NOW);

        assertThat(EventCodec.sameJson(EventCodec.writePayload(change.events().getFirst()),
                Samples.payloadBytes(EventTypes.HOUSEHOLD_UPDATED))).isTrue();
    }

    @Test
    void movingAwayPublishesTheRemovedGoldenSample() {
        var ids = sample.members();
        Household atVersionFour = new Household(sample.householdId(), sample.unitCode(), sample.village(),
                Households.familyOfThree(ids.get(0).personId(), ids.get(1).personId(), ids.get(2).personId()),
                sample.registeredAt(), 4, HouseholdStatus.ACTIVE, null, DAY);

        var change = atVersionFour.moveAway("MOVED_AWAY", LocalDate.parse("2027-03-01"), NOW);

        assertThat(EventCodec.sameJson(EventCodec.writePayload(change.events().getFirst()),
                Samples.payloadBytes(EventTypes.HOUSEHOLD_REMOVED))).isTrue();
    }

    @Test
    void aDecisionThatMakesANearPoorHouseholdPoorPublishesTheAssessedAndReclassifiedGoldenSamples() {
        var assessedSample = Samples.envelope(EventTypes.HOUSEHOLD_ASSESSED).data();
        var ids = sample.members();
        ClassRecord earlier = new ClassRecord("r-08707-2025-annual", "98/QĐ-UBND", LocalDate.parse("2025-12-10"),
                LocalDate.parse("2026-01-01"), "VN-MPS-2022-2025", "URBAN", null,
                HouseholdClass.NEAR_POOR,
                Transition.INITIAL, "a-earlier", 1_950_000, List.of("TELECOM"),
                List.of("…"));
        Household nearPoor = new Household(sample.householdId(), sample.unitCode(), sample.village(),
                Households.familyOfThree(ids.get(0).personId(), ids.get(1).personId(), ids.get(2).personId()),
                sample.registeredAt(), 2, HouseholdStatus.ACTIVE,
                HouseholdClass.NEAR_POOR, List.of(earlier), null, DAY);

        var change = nearPoor.decide(new Decision(assessedSample.reviewRoundId(), assessedSample.decisionNumber(),
                assessedSample.decisionDate(), LocalDate.parse("2027-01-01"), assessedSample.standard(),
                assessedSample.referenceDate(), assessedSample.areaType(), assessedSample.assessmentId(),
                assessedSample.monthlyIncomePerCapitaVnd(), assessedSample.deprivedIndicators(),
                assessedSample.classification(), List.of("…")), NOW);

        assertThat(change.events()).hasSize(2);
        assertThat(EventCodec.sameJson(EventCodec.writePayload(change.events().get(0)),
                Samples.payloadBytes(EventTypes.HOUSEHOLD_ASSESSED))).isTrue();
        assertThat(EventCodec.sameJson(EventCodec.writePayload(change.events().get(1)),
                Samples.payloadBytes(EventTypes.HOUSEHOLD_RECLASSIFIED))).isTrue();
    }

    @Test
    void escapingPovertyStartsThirtySixMonthsOfNewlyEscapedAndAReturnIsARelapse() {
        Household poor = family().decide(decision("r1", LocalDate.parse("2022-12-10"),
                HouseholdClass.POOR), NOW).household();
        Household escaped = poor.decide(decision("r2", LocalDate.parse("2023-12-10"),
                HouseholdClass.MIDDLE), NOW).household();
        var relapse = escaped.decide(decision("r3", LocalDate.parse("2024-12-10"),
                HouseholdClass.POOR), NOW);

        assertThat(escaped.newlyEscapedUntil()).isEqualTo(LocalDate.parse("2026-12-09"));
        assertThat(escaped.classHistory().getLast().transition())
                .isEqualTo(Transition.ESCAPED_POVERTY);
        assertThat(relapse.household().classHistory().getLast().transition())
                .isEqualTo(Transition.RELAPSED);
        assertThat(relapse.household().newlyEscapedUntil()).isNull();
    }

    private static Decision decision(String round, LocalDate date, HouseholdClass to) {
        return decision(round, date, date, to);
    }

    private static Decision decision(String round, LocalDate date, LocalDate effective,
            HouseholdClass to) {
        return new Decision(round, round + "/QĐ", date, effective, "VN-MPS-2022-2025", date, "URBAN", "a-" + round,
                1_000_000, List.of(), to, List.of("…"));
    }

    /** An annual review's decision of 10 December 2026 makes next year's lists: the class changes on 1 January. */
    @Test
    void anAnnualDecisionChangesTheClassOnTheDayItTakesEffect() {
        LocalDate signed = LocalDate.parse("2026-12-10");
        LocalDate newYear = LocalDate.parse("2027-01-01");
        Household poor = family().decide(decision("m1", LocalDate.parse("2026-11-23"), POOR), NOW).household();
        var annual = poor.decide(decision("a1", signed, newYear, NEAR_POOR), NOW);
        Household decided = annual.household();

        assertThat(decided.classOn(signed)).isEqualTo(POOR);
        assertThat(decided.classOn(LocalDate.parse("2026-12-31"))).isEqualTo(POOR);
        assertThat(decided.classOn(newYear)).isEqualTo(NEAR_POOR);
        assertThat(decided.classOn(LocalDate.parse("2026-11-22"))).isNull();
        assertThat(decided.decisionPendingOn(LocalDate.parse("2026-12-31"))).hasValueSatisfying(
                r -> assertThat(r.effectiveDate()).isEqualTo(newYear));
        assertThat(decided.decisionPendingOn(newYear)).isEmpty();
        assertThat(decided.classBeforeLatest()).isEqualTo(POOR);
        assertThat(annual.events()).last().isInstanceOfSatisfying(
                HouseholdReclassified.class, e -> {
                    assertThat(e.fromClass()).isEqualTo(POOR);
                    assertThat(e.effectiveDate()).isEqualTo(newYear);
                    assertThat(e.decisionDate()).isEqualTo(signed);
                });
    }

    /** A later decision reviewed the household again: it supersedes one that has not taken effect yet. */
    @Test
    void aLaterDecisionSupersedesOneNotInForceYet() {
        Household annual = family().decide(decision("a1", LocalDate.parse("2026-10-12"),
                LocalDate.parse("2027-01-01"), POOR), NOW).household();
        var monthly = annual.decide(decision("m1", LocalDate.parse("2026-11-23"), NEAR_POOR), NOW);

        // The annual decision was never in force, so the monthly one classifies the household for the first time.
        assertThat(monthly.household().classHistory().getLast().fromClass()).isNull();
        assertThat(monthly.household().classOn(LocalDate.parse("2026-12-01"))).isEqualTo(NEAR_POOR);
        assertThat(monthly.household().classOn(LocalDate.parse("2027-01-02"))).isEqualTo(NEAR_POOR);
    }

    @Test
    void aNewHouseholdIsAtVersionOneAndItsEventCarriesNoNamesOrCitizenIds() {
        var registration = Household.register("h-1", "08707", "Tổ 1",
                Households.familyOfThree("p-1", "p-2", "p-3"), NOW, DAY);

        assertThat(registration.household().version()).isEqualTo(1);
        String json = EventCodec.writePayloadAsString(registration.events().getFirst());
        assertThat(json).doesNotContain("Nguyễn", "026068001234");
    }

    @Test
    void aHouseholdHasExactlyOneHead() {
        List<Member> twoHeads = new ArrayList<>(Households.familyOfThree("p-1", "p-2", "p-3"));
        twoHeads.set(1, twoHeads.get(1).withRelation(Relation.HEAD));

        assertThatThrownBy(() -> Household.register("h-1", "08707", "Tổ 1", twoHeads, NOW, DAY))
                .isInstanceOf(RegistryRuleException.class)
                .hasMessageContaining("exactly one head")
                .extracting("field").isEqualTo("members");
    }

    @Test
    void addingAMemberBumpsTheVersionAndPublishesTheMembersAfterIt() {
        Household.Change change = family().addMember(grandmother(), DAY, NOW);

        assertThat(change.household().version()).isEqualTo(2);
        HouseholdUpdated event = (HouseholdUpdated) change.events().getFirst();
        assertThat(event.sequence()).isEqualTo(2);
        assertThat(event.change()).isEqualTo("MEMBER_ADDED");
        assertThat(event.members()).extracting(MemberFact::personId).containsExactly("p-1", "p-2", "p-3", "p-4");
        assertThat(change.history().details()).contains("Lê Thị Dung");
    }

    @Test
    void aRemovedMemberIsKeptWithTheDateAndReasonButLeavesTheEvent() {
        Household.Change change = family().removeMember("p-3", "DIED", DAY, NOW);

        Member removed = change.household().members().get(2);
        assertThat(removed.status()).isEqualTo(MemberStatus.LEFT);
        assertThat(removed.leftOn()).isEqualTo(DAY);
        assertThat(removed.leftReason()).isEqualTo("DIED");
        assertThat(((HouseholdUpdated) change.events().getFirst()).members()).hasSize(2);
    }

    @Test
    void theHeadCannotBeRemovedOrMovedWithoutChangingTheHeadFirst() {
        assertThatThrownBy(() -> family().removeMember("p-1", "DIED", DAY, NOW))
                .hasMessageContaining("change the head first");
        assertThatThrownBy(() -> family().moveOut("p-1", "h-2", DAY, NOW))
                .hasMessageContaining("change the head first");
    }

    @Test
    void changingTheHeadKeepsThePreviousHeadWithTheRelationGiven() {
        Household after = family().changeHead("p-2", Relation.SPOUSE, DAY, NOW).household();

        assertThat(after.head().personId()).isEqualTo("p-2");
        assertThat(after.activeMember("p-1")).get().extracting(Member::relationToHead).isEqualTo(Relation.SPOUSE);
    }

    @Test
    void splittingFoundsANewHouseholdWithItsOwnHeadAndLeavesTheRestBehind() {
        Household family = family().addMember(grandmother(), DAY, NOW).household();

        Household.Split split = family.split(Set.of("p-3", "p-4"), "p-4", Map.of("p-3", Relation.GRANDCHILD), "h-2",
                null, DAY, NOW);

        assertThat(split.founded().household().head().personId()).isEqualTo("p-4");
        assertThat(split.founded().household().activeMember("p-3")).get()
                .extracting(Member::relationToHead).isEqualTo(Relation.GRANDCHILD);
        assertThat(split.founded().events().getFirst()).isInstanceOf(HouseholdRegistered.class);
        assertThat(split.origin().household().activeMembers()).extracting(Member::personId)
                .containsExactly("p-1", "p-2");
        assertThat(((HouseholdUpdated) split.origin().events().getFirst()).change()).isEqualTo("SPLIT");
    }

    @Test
    void aSplitCannotTakeTheHeadOrSomeoneWhoIsNotAMember() {
        assertThatThrownBy(() -> family().split(Set.of("p-1"), "p-1", Map.of(), "h-2", null, DAY, NOW))
                .hasMessageContaining("head of this household");
        assertThatThrownBy(() -> family().split(Set.of("p-9"), "p-9", Map.of(), "h-2", null, DAY, NOW))
                .hasMessageContaining("not an active member");
        assertThatThrownBy(() -> family().split(Set.of("p-3"), "p-2", Map.of(), "h-2", null, DAY, NOW))
                .hasMessageContaining("new head must be one of the members who leave");
    }

    @Test
    void mergingTakesTheOtherHouseholdsMembersAndEndsIt() {
        Household other = Household.register("h-2", "08707", "Tổ 1", List.of(grandmother().withRelation(Relation.HEAD)),
                NOW, DAY).household();

        Household.Change joined = family().absorb(other, Map.of("p-4", Relation.PARENT), DAY, NOW);
        Household.Change ended = other.mergedInto("h-1", DAY, NOW);

        assertThat(joined.household().activeMember("p-4")).get()
                .extracting(Member::relationToHead).isEqualTo(Relation.PARENT);
        assertThat(ended.household().status()).isEqualTo(HouseholdStatus.REMOVED);
        assertThat(((HouseholdRemoved) ended.events().getFirst()).reason()).isEqualTo("MERGED_INTO:h-1");
    }

    @Test
    void aHouseholdThatMovedAwayTakesNoMoreCommands() {
        Household gone = family().moveAway("MOVED_AWAY", DAY, NOW).household();

        assertThat(gone.status()).isEqualTo(HouseholdStatus.REMOVED);
        assertThat(gone.activeMembers()).isEmpty();
        assertThatThrownBy(() -> gone.addMember(grandmother(), DAY, NOW)).hasMessageContaining("no longer");
    }

    @Test
    void aHouseholdOfASplitUnitMovesToItsSuccessorFromTheSuccessorsFirstDay() {
        Household vayNua = Household.register("h-2", "04891", "Xóm Bưa", Households.familyOfThree("p-5", "p-6",
                "p-7"), NOW, LocalDate.parse("2024-03-01")).household();

        Household.Change recorded = vayNua.recordSuccessor("04828", "Phường Thống Nhất", LocalDate.parse("2025-07-01"),
                null, "Xã Vầy Nưa (04891)", DAY, NOW);

        assertThat(vayNua.unitSince()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(recorded.household()).extracting(Household::unitCode, Household::unitSince, Household::village)
                .containsExactly("04828", LocalDate.parse("2025-07-01"), "Xóm Bưa");
        HouseholdUpdated event = (HouseholdUpdated) recorded.events().getFirst();
        assertThat(event.change()).isEqualTo("SUCCESSOR_UNIT_RECORDED");
        assertThat(event.unitCode()).isEqualTo("04828");
        assertThat(event.effectiveDate()).isEqualTo(LocalDate.parse("2025-07-01"));
        assertThat(recorded.history().details()).contains("Xã Vầy Nưa (04891)").contains("Phường Thống Nhất (04828)");
    }

    @Test
    void aHouseholdSplitOffLiesWhereItsOriginIsRecorded() {
        Household vayNua = Household.register("h-3", "04891", "Xóm Bưa", Households.familyOfThree("p-8", "p-9",
                "p-10"), NOW, LocalDate.parse("2024-03-01")).household();

        Household founded = vayNua.split(Set.of("p-10"), "p-10", Map.of(), "h-4", null, DAY, NOW).founded()
                .household();

        // 04891 recorded in 2024 is Xã Vầy Nưa; recorded today it would be Xã Tiền Phong.
        assertThat(founded.unitCode()).isEqualTo("04891");
        assertThat(founded.unitSince()).isEqualTo(LocalDate.parse("2024-03-01"));
    }
}
