package vn.giamngheo.household.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.household.units.AdministrativeUnit;
import vn.giamngheo.household.units.UnitCatalog;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;

/** Registry commands: check, change one document (state + outbox), wake the relay. */
@Service
public class HouseholdRegistry {

    /** A member as given by the caller, before the registry assigns an id. */
    public record NewMember(String fullName, LocalDate dateOfBirth, Sex sex, String citizenId, Relation relationToHead) {
    }

    private final HouseholdStore store;
    private final UnitCatalog units;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    HouseholdRegistry(HouseholdStore store, UnitCatalog units, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.units = units;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    public Household register(String unitCode, String village, List<NewMember> members) {
        // Millisecond precision: what MongoDB stores is what the event says.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.now(clock);
        AdministrativeUnit unit = units.find(unitCode, today).orElseThrow(() -> new RegistryRuleException("unitCode",
                "no administrative unit with code " + unitCode + " is in force on " + today));
        if (!unit.type().isCommuneLevel()) {
            throw new RegistryRuleException("unitCode", unitCode + " (" + unit.name()
                    + ") is not a commune-level unit (xã, phường, thị trấn, đặc khu)");
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).dateOfBirth().isAfter(today)) {
                throw new RegistryRuleException("members[" + i + "].dateOfBirth", "is in the future");
            }
        }
        var registration = Household.register(UUID.randomUUID().toString(), unitCode, village.strip(),
                members.stream().map(m -> new Member(UUID.randomUUID().toString(), m.fullName().strip(),
                        m.dateOfBirth(), m.sex(), m.citizenId(), m.relationToHead())).toList(),
                now);
        store.insert(registration.household(),
                List.of(outbox.entry(EventTypes.HOUSEHOLD_REGISTERED, registration.event())));
        relay.wake(HouseholdStore.COLLECTION, registration.household().id());
        return registration.household();
    }

    public Optional<Household> find(String id) {
        return store.find(id);
    }
}
