package vn.giamngheo.notification.messages;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.review.ReviewPostingStarted;
import vn.giamngheo.notification.outside.QueryParams;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * A review round's public posting ends on a known day: the round's officers are written to on the day after (the
 * complaint window has closed, the decision can be prepared). One reminder per round, replaced by a re-posting.
 */
@Component
public class PostingReminders {

    /** A posting that ended longer ago than this is not announced any more. */
    static final int STALE_AFTER_DAYS = 7;
    private static final String COLLECTION = "posting_reminders";

    /**
     * A round's reminder, from its latest posting event ({@code sequence}); {@code done} once written (or
     * {@code skipped}, with why).
     */
    record Reminder(String roundId, long version, long sequence, String eventId, String causeKey, String unitCode,
            String kind, LocalDate postingStartedOn, LocalDate postingEndsOn, int households, int agreed,
            boolean done, String skipped) {

        /**
         * The reminder of this posting, to be stored as {@code version}; none when the round's reminder is of this
         * posting or a later one.
         */
        static Optional<Reminder> posted(Reminder current, long version, String roundId, long sequence,
                String eventId, String causeKey, ReviewPostingStarted e) {
            if (current != null && current.sequence() >= sequence) {
                return Optional.empty();
            }
            return Optional.of(new Reminder(roundId, version, sequence, eventId,
                    causeKey, e.unitCode(), e.kind(), e.postingStartedOn(), e.postingEndsOn(), e.households(),
                    e.agreed(), false, null));
        }

        Change<Reminder> closed(String whySkipped) {
            return Change.update(version, new Reminder(roundId, version + 1, sequence, eventId, causeKey, unitCode,
                    kind, postingStartedOn, postingEndsOn, households, agreed, true, whySkipped));
        }
    }

    private static final Codec<Reminder> CODEC = Codec.of(Reminder::roundId,
            r -> new Document("_id", r.roundId()).append("version", r.version()).append("sequence", r.sequence())
                    .append("eventId", r.eventId()).append("causeKey", r.causeKey())
                    .append("unitCode", r.unitCode()).append("kind", r.kind())
                    .append("postingStartedOn", r.postingStartedOn().toString())
                    .append("postingEndsOn", r.postingEndsOn().toString()).append("households", r.households())
                    .append("agreed", r.agreed()).append("done", r.done()).append("skipped", r.skipped()),
            d -> new Reminder(d.getString("_id"), d.get("version", Number.class).longValue(), d.getLong("sequence"),
                    d.getString("eventId"), d.getString("causeKey"), d.getString("unitCode"), d.getString("kind"),
                    LocalDate.parse(d.getString("postingStartedOn")), LocalDate.parse(d.getString("postingEndsOn")),
                    d.getInteger("households"), d.getInteger("agreed"), d.getBoolean("done"),
                    d.getString("skipped")));

    private final AggregateCollection<Reminder> reminders;
    /** The due ones, queried beside. */
    private final MongoCollection<Document> due;
    private final MessageTriggers triggers;
    private final Clock clock;

    PostingReminders(Aggregates aggregates, MongoDatabase database, MessageTriggers triggers, Clock clock) {
        this.reminders = aggregates.withoutOutbox(COLLECTION, CODEC);
        this.due = database.getCollection(COLLECTION);
        due.createIndex(Indexes.ascending("done", "postingEndsOn"));
        // Reminders stored before they had a version start at 0, which the version guard can then match.
        due.updateMany(Filters.exists(AggregateCollection.VERSION, false), Updates.set(AggregateCollection.VERSION,
                0L));
        this.triggers = triggers;
        this.clock = clock;
    }

    /**
     * Records (or, for a re-posting, replaces) the reminders of a poll's posting events, the rounds read in one query
     * and written in one bulk write; sends those due at once if the posting has ended.
     *
     * @return per event, in order: APPLIED, DUPLICATE (an older or the same posting: the newer reminder stays), or
     *         IGNORED (not a posting event)
     */
    public List<Outcome> postedAll(List<EventEnvelope<?>> events) {
        Set<String> rounds = new LinkedHashSet<>();
        events.forEach(e -> {
            if (e.data() instanceof ReviewPostingStarted p) {
                rounds.add(p.roundId());
            }
        });
        Map<Integer, Outcome> outcomes = new HashMap<>();
        AggregateCollection.Result result = reminders.decideAll(rounds, (roundId, current) -> {
            // A round's events of the poll in their order, on the state each leaves: one change for all of them.
            Reminder state = current;
            long version = current == null ? 1 : current.version() + 1;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).data() instanceof ReviewPostingStarted p && p.roundId().equals(roundId)) {
                    Optional<Reminder> next = Reminder.posted(state, version, roundId, p.sequence(), events.get(i).id(),
                            MessageTriggers.cause(events.get(i)).key(), p);
                    outcomes.put(i, next.isPresent() ? Outcome.APPLIED : Outcome.DUPLICATE);
                    state = next.orElse(state);
                }
            }
            return state == current ? Optional.empty() : Optional.of(current == null ? Change.create(state)
                    : Change.update(current.version(), state));
        }, 5);
        if (!result.allApplied()) {
            throw new IllegalStateException("posting reminders of rounds " + result.conflicted() + " kept changing");
        }
        if (!result.applied().isEmpty()) {
            sendDue();
        }
        List<Outcome> inOrder = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            inOrder.add(outcomes.getOrDefault(i, Outcome.IGNORED));
        }
        return inOrder;
    }

    /**
     * Writes to the officers of every round whose posting ended before today (in Vietnam) — unless it ended more than
     * {@link #STALE_AFTER_DAYS} days ago: a posting long over (a replayed topic, rounds loaded from the past) is no
     * news, and the reminder is closed without a message. A reminder replaced meanwhile by a re-posting stays open.
     */
    @Scheduled(fixedDelayString = "${notification.messages.reminder-interval-ms:60000}")
    public void sendDue() {
        LocalDate today = LocalDate.now(clock.withZone(QueryParams.VIETNAM));
        List<Reminder> open = new ArrayList<>();
        due.find(Filters.and(Filters.eq("done", false), Filters.lt("postingEndsOn", today.toString())))
                .projection(reminders.readProjection()).forEach(d -> open.add(CODEC.decode(d)));
        for (Reminder r : open) {
            if (r.postingEndsOn().isBefore(today.minusDays(STALE_AFTER_DAYS))) {
                reminders.apply(r.closed("the posting ended more than " + STALE_AFTER_DAYS + " days ago"));
                continue;
            }
            var event = new Messages.Cause(r.eventId(), r.causeKey());
            triggers.toOfficers(MessageKind.POSTING_ENDED, event, r.unitCode(), null, null,
                    MessageKind.vars("roundId", r.roundId(), "unitCode", r.unitCode(), "kind", r.kind(),
                            "postingStartedOn", MessageTriggers.date(r.postingStartedOn()),
                            "postingEndsOn", MessageTriggers.date(r.postingEndsOn()),
                            "households", r.households(), "agreed", r.agreed()));
            reminders.apply(r.closed(null));
        }
    }
}
