package vn.giamngheo.notification.outside;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Change;

/**
 * One step of one item that talks to the outside (a card request, a message): read, checked that the step still
 * applies, decided and written with its version guard; read and decided again when someone else wrote in between.
 */
public final class Transitions {

    private static final Logger log = LoggerFactory.getLogger(Transitions.class);
    private static final int ATTEMPTS = 5;

    /** A store's {@link AggregateCollection#decideAll}. */
    @FunctionalInterface
    public interface DecideAll<R> {
        AggregateCollection.Result decideAll(Collection<String> ids, AggregateCollection.Decider<R> decider,
                int attempts);
    }

    private Transitions() {
    }

    /**
     * @param what names the item in the log
     * @return the item as written; empty when the step did not apply (or the item kept changing: logged)
     */
    public static <R> Optional<R> step(String what, String id, DecideAll<R> store, Predicate<R> applies,
            Function<R, Change<R>> step) {
        List<R> decided = new ArrayList<>(1);
        AggregateCollection.Result result = store.decideAll(List.of(id), (i, current) -> {
            decided.clear();
            if (current == null || !applies.test(current)) {
                return Optional.empty();
            }
            Change<R> change = step.apply(current);
            decided.add(change.after());
            return Optional.of(change);
        }, ATTEMPTS);
        if (!result.allApplied()) {
            log.warn("{} {} kept changing; the step is left for the next round", what, id);
        }
        return result.applied().contains(id) ? Optional.of(decided.getFirst()) : Optional.empty();
    }
}
