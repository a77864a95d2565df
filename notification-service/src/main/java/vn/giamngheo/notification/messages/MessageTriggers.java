package vn.giamngheo.notification.messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.notification.activity.HouseholdActivity;
import vn.giamngheo.platform.messaging.Outcome;

/** Which events message whom: households by SMS about their decisions and cards, officers by e-mail about failures. */
@Component
public class MessageTriggers {

    static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;
    private final Contacts contacts;
    private final HouseholdActivity households;
    private final MessagingProperties properties;

    MessageTriggers(Messages messages, Contacts contacts, HouseholdActivity households,
            MessagingProperties properties) {
        this.messages = messages;
        this.contacts = contacts;
        this.households = households;
        this.properties = properties;
    }

    /** APPLIED if either applied, else DUPLICATE if either was a duplicate, else IGNORED. */
    public static Outcome combine(Outcome a, Outcome b) {
        if (a == Outcome.APPLIED || b == Outcome.APPLIED) {
            return Outcome.APPLIED;
        }
        return a == Outcome.DUPLICATE || b == Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.IGNORED;
    }

    public Outcome reclassified(EventEnvelope<HouseholdReclassified> event) {
        HouseholdReclassified e = event.data();
        return toHousehold(MessageKind.CLASS_CHANGED, event, e.householdId(), null, e.unitCode(), MessageKind.vars(
                "toClass", e.toClass().name(), "fromClass", e.fromClass() == null ? "NONE" : e.fromClass().name(),
                "transition", e.transition().name(), "decisionNumber", e.decisionNumber(),
                "decisionDate", date(e.decisionDate()), "effectiveDate", date(e.effectiveDate()),
                "newlyEscapedUntil", date(e.newlyEscapedUntil())));
    }

    public Outcome granted(EventEnvelope<BenefitGranted> event) {
        BenefitGranted e = event.data();
        Map<String, Object> vars = benefit(e.policyCode(), e.personId(), e.entitlement(), e.reason());
        vars.put("validFrom", date(e.validFrom()));
        return toHousehold(MessageKind.BENEFIT_GRANTED, event, e.householdId(), e.personId(), null, vars);
    }

    public Outcome changed(EventEnvelope<BenefitChanged> event) {
        BenefitChanged e = event.data();
        Map<String, Object> vars = benefit(e.policyCode(), e.personId(), e.current(), e.reason());
        vars.put("effectiveDate", date(e.effectiveDate()));
        return toHousehold(MessageKind.BENEFIT_CHANGED, event, e.householdId(), e.personId(), null, vars);
    }

    public Outcome revoked(EventEnvelope<BenefitRevoked> event) {
        BenefitRevoked e = event.data();
        return toHousehold(MessageKind.BENEFIT_REVOKED, event, e.householdId(), e.personId(), null, MessageKind.vars(
                "policyCode", e.policyCode(), "forPerson", e.personId() != null,
                "effectiveDate", date(e.effectiveDate()), "reason", text(e.reason())));
    }

    public Outcome cardIssued(EventEnvelope<InsuranceCardIssued> event) {
        InsuranceCardIssued e = event.data();
        return toHousehold(MessageKind.CARD_ISSUED, event, e.householdId(), e.personId(), null, MessageKind.vars(
                "cardNumber", e.cardNumber(), "validFrom", date(e.validFrom()), "validTo", date(e.validTo())));
    }

    /** The officers of the household's unit are told, so that nothing fails silently. */
    public Outcome cardFailed(EventEnvelope<InsuranceCardFailed> event) {
        InsuranceCardFailed e = event.data();
        String unit = households.unitOf(e.householdId()).orElse(null);
        return toOfficers(MessageKind.CARD_FAILED, cause(event), unit, e.householdId(), e.personId(), MessageKind.vars(
                "requestId", e.requestId(), "householdId", e.householdId(), "personId", text(e.personId()),
                "unitCode", unit == null ? "(chưa rõ)" : unit, "reason", e.reason(), "attempts", e.attempts()));
    }

    /** To every officer looking after the unit; the Labour office's mailbox when nobody does. */
    Outcome toOfficers(MessageKind kind, Messages.Cause cause, String unitCode,
            String householdId, String personId, Map<String, Object> vars) {
        List<Contacts.OfficerContact> officers = contacts.officersFor(unitCode);
        if (officers.isEmpty()) {
            officers = List.of(new Contacts.OfficerContact("labour-office", "Phòng Lao động - Thương binh và Xã hội",
                    properties.fallbackOfficer(), List.of("*"), java.util.Set.of()));
        }
        Outcome outcome = Outcome.IGNORED;
        for (Contacts.OfficerContact officer : officers) {
            outcome = combine(outcome, messages.queue(kind, cause, Messages.Recipient.officer(officer),
                    householdId, personId, unitCode, vars));
        }
        return outcome;
    }

    private Outcome toHousehold(MessageKind kind, EventEnvelope<? extends DomainEvent> event, String householdId,
            String personId, String unitCode, Map<String, Object> vars) {
        Messages.Recipient recipient = Messages.Recipient.household(householdId,
                contacts.household(householdId).orElse(null));
        // The unit it is about: the event's, else the one the household was last seen in (officers filter by it).
        String unit = unitCode != null ? unitCode : households.unitOf(householdId).orElse(null);
        return messages.queue(kind, cause(event), recipient, householdId, personId, unit, vars);
    }

    /** The cause's identity is its type, subject and sequence: the same event published twice is one cause. */
    static Messages.Cause cause(EventEnvelope<? extends DomainEvent> event) {
        return new Messages.Cause(event.id(), event.type().ceType() + ":" + event.subject() + ":" + event.sequence());
    }

    private static Map<String, Object> benefit(String policyCode, String personId, Entitlement entitlement,
            String reason) {
        return MessageKind.vars("policyCode", policyCode, "forPerson", personId != null,
                "entitlementKind", entitlement.kind(),
                "sharePercent", entitlement.sharePercent() == null ? 0 : entitlement.sharePercent(),
                "amountVnd", entitlement.amountVnd() == null ? 0L : entitlement.amountVnd(),
                "period", text(entitlement.period()),
                "ceilingVnd", entitlement.ceilingVnd() == null ? 0L : entitlement.ceilingVnd(),
                "interestRatePercent", rate(entitlement.annualInterestRatePercent()),
                "reason", text(reason));
    }

    static String date(LocalDate date) {
        return date == null ? "" : VN_DATE.format(date);
    }

    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
