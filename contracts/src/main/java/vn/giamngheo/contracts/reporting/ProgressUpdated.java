package vn.giamngheo.contracts.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * The latest value of one plan indicator in one area; the topic is compacted on {@link #aggregateId()}.
 *
 * @param target null where the area's plan sets none
 * @param status the target's status in the plan in force that day: ACHIEVED, ON_TRACK, AT_RISK, MISSED (its last
 *               day has come), NO_DATA (a rate without statistics), or NO_TARGET where no plan sets one
 */
public record ProgressUpdated(
        String areaCode,
        String indicator,
        long sequence,
        LocalDate asOf,
        BigDecimal value,
        BigDecimal target,
        String status) implements DomainEvent {

    public ProgressUpdated {
        Require.present(areaCode, "areaCode");
        Require.present(indicator, "indicator");
        Require.positive(sequence, "sequence");
        Require.present(asOf, "asOf");
        Require.present(value, "value");
        Require.present(status, "status");
    }

    @Override
    public String aggregateId() {
        return areaCode + ":" + indicator;
    }
}
