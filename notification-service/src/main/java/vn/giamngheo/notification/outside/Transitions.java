package vn.giamngheo.notification.outside;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Change;

/**
 * Steps of items that talk to the outside (card requests, messages): read, checked that the step still applies,
 * decided and written with their version guards, many in one bulk write; those someone else wrote in between are read
 * and decided again.
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
        return Optional.ofNullable(stepAll(what, List.of(id), store,
                (i, current) -> current == null || !applies.test(current) ? Optional.empty()
                        : Optional.of(step.apply(current))).get(id));
    }

    /**
     * Each item's step, decided from its current state (null when it does not exist; empty: the step does not apply),
     * all written in one bulk write.
     *
     * @return the items as written, by id (those the step did not apply to, or that kept changing, are not there)
     */
    public static <R> Map<String, R> stepAll(String what, Collection<String> ids, DecideAll<R> store,
            BiFunction<String, R, Optional<Change<R>>> step) {
        Map<String, R> decided = new HashMap<>();
        AggregateCollection.Result result = store.decideAll(ids, (id, current) -> {
            decided.remove(id);
            Optional<Change<R>> change = step.apply(id, current);
            change.ifPresent(c -> decided.put(id, c.after()));
            return change;
        }, ATTEMPTS);
        if (!result.allApplied()) {
            log.warn("{}s {} kept changing; their step is left for the next round", what, result.conflicted());
        }
        decided.keySet().retainAll(result.applied());
        return decided;
    }
}
