package vn.giamngheo.reporting.facts;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.reporting.facts.HouseholdTimeline.Member;

/**
 * One fact reporting keeps: the few values a figure needs from one event, with the legal date it counts from
 * ({@link #on}). Facts are values: a fact recorded again under its sequence is equal to the first, or the event was
 * a publisher's mistake.
 */
public sealed interface Fact {

    /** The day the fact counts from. */
    LocalDate on();

    /** The unit the household was in, for the facts that carry it; otherwise null. */
    default String unitCode() {
        return null;
    }

    /** A household registered with its members. */
    record Registered(LocalDate on, String unitCode, List<Member> members) implements Fact {
        public Registered {
            members = List.copyOf(members);
        }
    }

    /** A household's unit or members changed. */
    record Updated(LocalDate on, String unitCode, List<Member> members) implements Fact {
        public Updated {
            members = List.copyOf(members);
        }
    }

    /** A class decided by the chairman, with the deprived indicators. */
    record Assessed(LocalDate on, String unitCode, HouseholdClass classification, List<String> deprived)
            implements Fact {
        public Assessed {
            deprived = List.copyOf(deprived);
        }
    }

    /** A class change decided by the chairman. */
    record Reclassified(LocalDate on, String unitCode, HouseholdClass fromClass, HouseholdClass toClass,
            Transition transition) implements Fact {
    }

    /** The household was removed from the registry. */
    record Removed(LocalDate on) implements Fact {
    }

    /** A benefit granted (to a person, or to the household when {@code personId} is null). */
    record Granted(LocalDate on, String policyCode, String department, String personId, LocalDate validTo)
            implements Fact {
    }

    /** A benefit revoked from {@link #on}. */
    record Revoked(LocalDate on) implements Fact {
    }

    /** An application submitted. */
    record Submitted(LocalDate on, String policyCode, String department) implements Fact {
    }

    /** An application approved. */
    record Approved(LocalDate on) implements Fact {
    }

    /** An application rejected. */
    record Rejected(LocalDate on) implements Fact {
    }

    /** A health-insurance card issued. */
    record Issued(LocalDate on, String personId, String benefitDecisionId, LocalDate validTo) implements Fact {
    }

    /**
     * A fact of a kind from a newer version of this service: kept as stored (its fields by name, BSON values), counted
     * by nothing yet.
     */
    record Other(String kind, LocalDate on, Map<String, Object> fields) implements Fact {
        public Other {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String unitCode() {
            return fields.get("unitCode") instanceof String code ? code : null;
        }
    }
}
