package vn.giamngheo.policy.decisions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.platform.persistence.Change;

/**
 * The state of the health-insurance card that serves one decision, as Social Security's events told it: the request
 * it belongs to, its status and what came with it (a card number, a failure's reason). A later request (its id ends
 * with the sequence of the benefit event that caused it, e.g. a re-issue after a share change) outranks an earlier
 * one, and within one request a later event outranks an earlier one: events of different requests arrive on different
 * partitions, so arrival order says nothing.
 *
 * @param order   the rank of the state: the request's benefit sequence, then the event's sequence
 * @param details what the event said beside the status, in its order
 */
record CardState(String decisionId, String requestId, long sequence, long order, String status,
        Map<String, Object> details, long version) {

    CardState {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * The state an event of request {@code requestId} tells, if it outranks {@code current} (null: none recorded yet).
     *
     * @return empty when {@code current} is as new or newer (a duplicate, or a late event of an older request)
     */
    static Optional<Change<CardState>> told(CardState current, String decisionId, String requestId, long sequence,
            String status, Map<String, Object> details) {
        long order = benefitSequence(requestId) * 1_000_000L + sequence;
        if (current != null && current.order() >= order) {
            return Optional.empty();
        }
        if (current == null) {
            return Optional.of(Change.create(new CardState(decisionId, requestId, sequence, order, status, details,
                    1)));
        }
        return Optional.of(Change.update(current.version(), new CardState(decisionId, requestId, sequence, order,
                status, details, current.version() + 1)));
    }

    /** {@code card:<decision id>:<benefit sequence>} → the benefit sequence; 0 for an id of another shape. */
    static long benefitSequence(String requestId) {
        String last = requestId.substring(requestId.lastIndexOf(':') + 1);
        return last.chars().allMatch(Character::isDigit) && !last.isEmpty() && last.length() < 12
                ? Long.parseLong(last) : 0;
    }

    /** What a reader of the decision sees: the status, what came with it, and the request. */
    Map<String, Object> shown() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("status", status);
        shown.putAll(details);
        shown.put("requestId", requestId);
        return shown;
    }
}
