package vn.giamngheo.contracts.review;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * A review round's results were posted publicly at the commune; complaints are received until {@code postingEndsOn}
 * (a re-posting after complaints publishes this again with the new dates and a higher sequence).
 *
 * @param kind       ANNUAL or MONTHLY
 * @param households households surveyed in the round
 * @param agreed     of those, the ones the village meeting agreed on
 * @param standard   the poverty standard the round applies (an annual round: the one in force on 1 January of the
 *                   year its lists are for); null in events published before it was added
 */
public record ReviewPostingStarted(
        String roundId,
        long sequence,
        String unitCode,
        String kind,
        LocalDate referenceDate,
        LocalDate postingStartedOn,
        LocalDate postingEndsOn,
        int households,
        int agreed,
        String standard) implements DomainEvent {

    public ReviewPostingStarted {
        Require.present(roundId, "roundId");
        Require.positive(sequence, "sequence");
        Require.present(unitCode, "unitCode");
        Require.present(kind, "kind");
        Require.present(referenceDate, "referenceDate");
        Require.present(postingStartedOn, "postingStartedOn");
        Require.present(postingEndsOn, "postingEndsOn");
    }

    @Override
    public String aggregateId() {
        return roundId;
    }
}
