package vn.giamngheo.platform.units;

import java.util.List;
import java.util.Optional;

/**
 * Which unit covers, on a day, the territory of a household recorded under a unit: that unit while it is in force,
 * else the one its territory went to through every reorganisation since — or none, where the territory was split and
 * only the household's village can tell (Vầy Nưa 04891 went partly to 04828 and partly to 04891 on 2025-07-01).
 */
public sealed interface Coverage {

    /** The code of the covering unit; empty when split or unknown. */
    default Optional<String> covering() {
        return this instanceof Covered covered ? Optional.of(covered.code()) : Optional.empty();
    }

    /** The unit {@code code}, in force on the day asked. */
    record Covered(String code) implements Coverage {
    }

    /** The recorded unit was split between {@code successors} the day after {@code predecessor} ended. */
    record Split(AdministrativeUnit predecessor, List<AdministrativeUnit> successors) implements Coverage {

        public Split {
            successors = List.copyOf(successors);
        }

        public List<String> successorCodes() {
            return successors.stream().map(AdministrativeUnit::code).toList();
        }

        /** "04828 Phường Thống Nhất and 04891 Xã Tiền Phong". */
        public String choices() {
            List<String> names = successors.stream().map(s -> s.code() + " " + s.name()).toList();
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        }

        /** "Xã Vầy Nưa (04891) was split on 2025-07-01 between 04828 Phường Thống Nhất and 04891 Xã Tiền Phong". */
        public String describe() {
            return predecessor.name() + " (" + predecessor.code() + ") was split on "
                    + predecessor.validTo().plusDays(1) + " between " + choices();
        }
    }

    /** No unit with that code was in force on the day it was recorded, or its territory went to no unit. */
    record Unknown() implements Coverage {
    }
}
