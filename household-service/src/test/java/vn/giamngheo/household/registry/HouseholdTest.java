package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.household.HouseholdRegistered;

class HouseholdTest {

    private final HouseholdRegistered sample = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED).data();

    @Test
    void registrationPublishesTheGoldenSample() {
        var ids = sample.members();
        var registration = Household.register(sample.householdId(), sample.unitCode(), sample.village(),
                Households.familyOfThree(ids.get(0).personId(), ids.get(1).personId(), ids.get(2).personId()),
                sample.registeredAt());

        assertThat(EventCodec.sameJson(EventCodec.writePayload(registration.event()),
                Samples.payloadBytes(EventTypes.HOUSEHOLD_REGISTERED))).isTrue();
    }

    @Test
    void aNewHouseholdIsAtVersionOneAndItsEventCarriesNoNamesOrCitizenIds() {
        var registration = Household.register("h-1", "08707", "Tổ 1",
                Households.familyOfThree("p-1", "p-2", "p-3"), sample.registeredAt());

        assertThat(registration.household().version()).isEqualTo(1);
        assertThat(registration.event().sequence()).isEqualTo(1);
        String json = EventCodec.writePayloadAsString(registration.event());
        assertThat(json).doesNotContain("Nguyễn", "026068001234");
    }

    @Test
    void aHouseholdHasExactlyOneHead() {
        List<Member> twoHeads = new ArrayList<>(Households.familyOfThree("p-1", "p-2", "p-3"));
        Member spouse = twoHeads.get(1);
        twoHeads.set(1, new Member(spouse.personId(), spouse.fullName(), spouse.dateOfBirth(), spouse.sex(),
                spouse.citizenId(), Relation.HEAD));

        assertThatThrownBy(() -> Household.register("h-1", "08707", "Tổ 1", twoHeads, sample.registeredAt()))
                .isInstanceOf(RegistryRuleException.class)
                .hasMessageContaining("exactly one head")
                .extracting("field").isEqualTo("members");
    }

    @Test
    void aHouseholdWithoutAHeadIsRejected() {
        List<Member> noHead = Households.familyOfThree("p-1", "p-2", "p-3").subList(1, 3);

        assertThatThrownBy(() -> Household.register("h-1", "08707", "Tổ 1", noHead, sample.registeredAt()))
                .isInstanceOf(RegistryRuleException.class)
                .hasMessageContaining("found 0");
    }
}
