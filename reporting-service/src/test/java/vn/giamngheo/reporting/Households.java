package vn.giamngheo.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.ApplicationApproved;
import vn.giamngheo.contracts.benefit.ApplicationSubmitted;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.household.HouseholdAssessed;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * A test household and the events the other services publish about it, sent through the real broker exactly as
 * their outbox relays send them. Each household numbers its own events, like household-service does.
 */
final class Households {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    final String id = UUID.randomUUID().toString();
    final String unit;
    final List<MemberFact> members = new ArrayList<>();
    private long sequence;
    private HouseholdClass current;

    private Households(String unit) {
        this.unit = unit;
    }

    /** A household of {@code unit} whose members were born on the given dates (the first is the head). */
    static Households in(String unit, String... birthDates) {
        Households h = new Households(unit);
        for (int i = 0; i < birthDates.length; i++) {
            h.members.add(new MemberFact(UUID.randomUUID().toString(), LocalDate.parse(birthDates[i]),
                    i % 2 == 0 ? "MALE" : "FEMALE", i == 0 ? "HEAD" : i == 1 ? "SPOUSE" : "CHILD"));
        }
        return h;
    }

    /** The head (the first member) is of {@code sex}. */
    Households headedBy(String sex) {
        MemberFact head = members.getFirst();
        members.set(0, new MemberFact(head.personId(), head.dateOfBirth(), sex, head.relationToHead()));
        return this;
    }

    /** household.updated HEAD_CHANGED effective {@code on}: member {@code member} became the head. */
    Households headChanged(LocalDate on, int member) {
        for (int i = 0; i < members.size(); i++) {
            MemberFact m = members.get(i);
            String relation = i == member ? "HEAD" : m.relationToHead().equals("HEAD") ? "SPOUSE" : m.relationToHead();
            members.set(i, new MemberFact(m.personId(), m.dateOfBirth(), m.sex(), relation));
        }
        publish(EventTypes.HOUSEHOLD_UPDATED, new HouseholdUpdated(id, ++sequence, "HEAD_CHANGED", unit,
                "Tổ dân phố 1", on, members), id, at(on));
        return this;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(VIETNAM).toInstant();
    }

    static <T extends DomainEvent> void publish(EventType<T> type, T data, String subject, Instant time) {
        TopicProbe.publish(new EventEnvelope<>(UUID.randomUUID().toString(), "/test", type, subject, time, data),
                EventCodec.writePayload(data));
    }

    Households registered(LocalDate on) {
        publish(EventTypes.HOUSEHOLD_REGISTERED, new HouseholdRegistered(id, ++sequence, unit, "Tổ dân phố 1", at(on),
                members), id, at(on));
        return this;
    }

    /**
     * The chairman's decision on {@code on}: household.assessed, then household.reclassified when the class changed,
     * with the transition household-service would name.
     */
    Households decided(LocalDate on, HouseholdClass to, Transition transition, String... deprived) {
        publish(EventTypes.HOUSEHOLD_ASSESSED, new HouseholdAssessed(id, ++sequence, UUID.randomUUID().toString(), unit,
                "VN-MPS-2022-2025", on.minusDays(20), "URBAN", 1_500_000, List.of(deprived), to, "round-" + unit,
                "1/QĐ-UBND", on), id, at(on));
        if (to != current) {
            publish(EventTypes.HOUSEHOLD_RECLASSIFIED, new HouseholdReclassified(id, ++sequence, unit, current, to,
                    transition, "VN-MPS-2022-2025", "1/QĐ-UBND", on, on.plusDays(1), null), id, at(on));
            current = to;
        }
        return this;
    }

    /** household-service recorded the successor of its split unit, which covers it from {@code since}. */
    Households successorRecorded(String successor, LocalDate since) {
        publish(EventTypes.HOUSEHOLD_UPDATED, new HouseholdUpdated(id, ++sequence, "SUCCESSOR_UNIT_RECORDED", successor,
                "Tổ dân phố 1", since, members), id, Instant.now());
        return this;
    }

    Households removed(LocalDate on) {
        publish(EventTypes.HOUSEHOLD_REMOVED, new HouseholdRemoved(id, ++sequence, "MOVED_AWAY", on), id, at(on));
        return this;
    }

    /** BHXH issued a card to member {@code member} on {@code on}, valid to {@code validTo}. */
    Households cardIssued(int member, LocalDate on, LocalDate validTo) {
        String person = members.get(member).personId();
        String decision = "HEALTH_INSURANCE_PREMIUM:" + person + ":" + on;
        String request = "card:" + decision + ":1";
        publish(EventTypes.INSURANCE_CARD_ISSUED, new InsuranceCardIssued(request, 2, id, person, decision,
                "HN" + Math.abs(person.hashCode()), on, validTo), request, at(on));
        return this;
    }

    Households studySupport(int member, LocalDate on) {
        String person = members.get(member).personId();
        String decision = "STUDY_COST_SUPPORT:" + person + ":" + on;
        publish(EventTypes.BENEFIT_GRANTED, new BenefitGranted(decision, 1, "STUDY_COST_SUPPORT",
                "STUDY_COST_SUPPORT@2021-10-15", "EDUCATION", id, person, on, null,
                new Entitlement("CASH", null, 150_000L, "MONTH", null, null), "Hỗ trợ chi phí học tập"), decision, at(on));
        return this;
    }

    Households loan(LocalDate submitted, LocalDate approved) {
        String application = UUID.randomUUID().toString();
        publish(EventTypes.APPLICATION_SUBMITTED, new ApplicationSubmitted(application, 1, "POOR_HOUSEHOLD_LOAN",
                "SOCIAL_POLICY_BANK", id, null, submitted, 50_000_000L), application, at(submitted));
        if (approved != null) {
            publish(EventTypes.APPLICATION_APPROVED, new ApplicationApproved(application, 2, "POOR_HOUSEHOLD_LOAN",
                    "SOCIAL_POLICY_BANK", id, null, approved, "7/QĐ-NHCS", "POOR_HOUSEHOLD_LOAN:" + id + ":" + approved),
                    application, at(approved));
        }
        return this;
    }
}
