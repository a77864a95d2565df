package vn.giamngheo.notification.messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.Outcome;

/**
 * Which events message whom: households by SMS about their class and benefit decisions and their cards, officers by
 * e-mail about failed cards. A poll's events at a time: the households' contacts and units read in one query each,
 * the messages written in one bulk write.
 */
@Component
public class MessageTriggers implements BatchHandler {

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

    /** Per event, the {@link #combine} of what each part made of it (lists of the same length, in event order). */
    @SafeVarargs
    public static List<Outcome> combine(List<Outcome>... parts) {
        List<Outcome> combined = new ArrayList<>(parts[0]);
        for (int p = 1; p < parts.length; p++) {
            for (int i = 0; i < combined.size(); i++) {
                combined.set(i, combine(combined.get(i), parts[p].get(i)));
            }
        }
        return combined;
    }

    /** APPLIED if either applied, else DUPLICATE if either was a duplicate, else IGNORED. */
    public static Outcome combine(Outcome a, Outcome b) {
        if (a == Outcome.APPLIED || b == Outcome.APPLIED) {
            return Outcome.APPLIED;
        }
        return a == Outcome.DUPLICATE || b == Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.IGNORED;
    }

    /**
     * Queues the messages a poll's events cause.
     *
     * @return per event, in order: APPLIED if one of its messages was queued, DUPLICATE if all were queued before,
     *         IGNORED for an event that messages nobody
     */
    @Override
    public List<Outcome> handle(List<EventEnvelope<?>> events) {
        Set<String> households = new LinkedHashSet<>();
        Set<String> unitless = new LinkedHashSet<>();
        events.forEach(e -> household(e.data()).ifPresent(h -> {
            households.add(h);
            if (!(e.data() instanceof HouseholdReclassified)) {
                unitless.add(h); // the event names no unit: the one the household was last seen in
            }
        }));
        Map<String, Contacts.HouseholdContact> phones = contacts.households(households);
        Map<String, String> units = this.households.unitsOf(unitless);
        Map<String, List<Contacts.OfficerContact>> officers = new HashMap<>();
        List<Messages.Draft> drafts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (Messages.Draft draft : drafts(events.get(i), phones, units, officers)) {
                drafts.add(draft);
                owners.add(i);
            }
        }
        List<Outcome> queued = messages.queueAll(drafts);
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(events.size(), Outcome.IGNORED));
        for (int d = 0; d < drafts.size(); d++) {
            outcomes.set(owners.get(d), combine(outcomes.get(owners.get(d)), queued.get(d)));
        }
        return outcomes;
    }

    /** The household an event messages (or whose unit's officers it messages). */
    private static Optional<String> household(DomainEvent event) {
        return Optional.ofNullable(switch (event) {
            case HouseholdReclassified e -> e.householdId();
            case BenefitGranted e -> e.householdId();
            case BenefitChanged e -> e.householdId();
            case BenefitRevoked e -> e.householdId();
            case InsuranceCardIssued e -> e.householdId();
            case InsuranceCardFailed e -> e.householdId();
            default -> null;
        });
    }

    private List<Messages.Draft> drafts(EventEnvelope<?> event, Map<String, Contacts.HouseholdContact> phones,
            Map<String, String> units, Map<String, List<Contacts.OfficerContact>> officers) {
        Messages.Cause cause = cause(event);
        return switch (event.data()) {
            case HouseholdReclassified e -> List.of(toHousehold(MessageKind.CLASS_CHANGED, cause, e.householdId(),
                    null, e.unitCode(), phones, units, MessageKind.vars(
                            "toClass", e.toClass().name(), "fromClass", e.fromClass() == null ? "NONE"
                                    : e.fromClass().name(),
                            "transition", e.transition().name(), "decisionNumber", e.decisionNumber(),
                            "decisionDate", date(e.decisionDate()), "effectiveDate", date(e.effectiveDate()),
                            "newlyEscapedUntil", date(e.newlyEscapedUntil()))));
            case BenefitGranted e -> {
                Map<String, Object> vars = benefit(e.policyCode(), e.personId(), e.entitlement(), e.reason());
                vars.put("validFrom", date(e.validFrom()));
                yield List.of(toHousehold(MessageKind.BENEFIT_GRANTED, cause, e.householdId(), e.personId(), null,
                        phones, units, vars));
            }
            case BenefitChanged e -> {
                Map<String, Object> vars = benefit(e.policyCode(), e.personId(), e.current(), e.reason());
                vars.put("effectiveDate", date(e.effectiveDate()));
                yield List.of(toHousehold(MessageKind.BENEFIT_CHANGED, cause, e.householdId(), e.personId(), null,
                        phones, units, vars));
            }
            case BenefitRevoked e -> List.of(toHousehold(MessageKind.BENEFIT_REVOKED, cause, e.householdId(),
                    e.personId(), null, phones, units, MessageKind.vars(
                            "policyCode", e.policyCode(), "forPerson", e.personId() != null,
                            "effectiveDate", date(e.effectiveDate()), "reason", text(e.reason()))));
            case InsuranceCardIssued e -> List.of(toHousehold(MessageKind.CARD_ISSUED, cause, e.householdId(),
                    e.personId(), null, phones, units, MessageKind.vars(
                            "cardNumber", e.cardNumber(), "validFrom", date(e.validFrom()),
                            "validTo", date(e.validTo()))));
            // The officers of the household's unit are told, so that nothing fails silently.
            case InsuranceCardFailed e -> {
                String unit = units.get(e.householdId());
                yield toOfficers(MessageKind.CARD_FAILED, cause, unit, e.householdId(), e.personId(),
                        officers.computeIfAbsent(unit, this::officersFor), MessageKind.vars(
                                "requestId", e.requestId(), "householdId", e.householdId(),
                                "personId", text(e.personId()), "unitCode", unit == null ? "(chưa rõ)" : unit,
                                "reason", e.reason(), "attempts", e.attempts()));
            }
            default -> List.of();
        };
    }

    /** To every officer looking after the unit; the Labour office's mailbox when nobody does. */
    Outcome toOfficers(MessageKind kind, Messages.Cause cause, String unitCode, String householdId, String personId,
            Map<String, Object> vars) {
        return messages.queueAll(toOfficers(kind, cause, unitCode, householdId, personId, officersFor(unitCode), vars))
                .stream().reduce(Outcome.IGNORED, MessageTriggers::combine);
    }

    private List<Contacts.OfficerContact> officersFor(String unitCode) {
        List<Contacts.OfficerContact> officers = contacts.officersFor(unitCode);
        return officers.isEmpty() ? List.of(new Contacts.OfficerContact("labour-office",
                "Phòng Lao động - Thương binh và Xã hội", properties.fallbackOfficer(), List.of("*"),
                Set.of())) : officers;
    }

    private static List<Messages.Draft> toOfficers(MessageKind kind, Messages.Cause cause, String unitCode,
            String householdId, String personId, List<Contacts.OfficerContact> officers, Map<String, Object> vars) {
        return officers.stream().map(officer -> new Messages.Draft(kind, cause, Messages.Recipient.officer(officer),
                householdId, personId, unitCode, vars)).toList();
    }

    /** To the household's phone; about the event's unit, else the one the household was last seen in. */
    private static Messages.Draft toHousehold(MessageKind kind, Messages.Cause cause, String householdId,
            String personId, String unitCode, Map<String, Contacts.HouseholdContact> phones,
            Map<String, String> units, Map<String, Object> vars) {
        return new Messages.Draft(kind, cause, Messages.Recipient.household(householdId, phones.get(householdId)),
                householdId, personId, unitCode != null ? unitCode : units.get(householdId), vars);
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
