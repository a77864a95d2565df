package vn.giamngheo.notification.messages;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.review.ReviewPostingStarted;
import vn.giamngheo.notification.outside.QueryParams;
import vn.giamngheo.platform.messaging.Outcome;

/**
 * A review round's public posting ends on a known day: the round's officers are written to on the day after (the
 * complaint window has closed, the decision can be prepared). One reminder per round, replaced by a re-posting.
 */
@Component
public class PostingReminders {

    /** A posting that ended longer ago than this is not announced any more. */
    static final int STALE_AFTER_DAYS = 7;

    private final MongoCollection<Document> reminders;
    private final MessageTriggers triggers;
    private final Clock clock;

    PostingReminders(MongoDatabase database, MessageTriggers triggers, Clock clock) {
        this.reminders = database.getCollection("posting_reminders");
        reminders.createIndex(Indexes.ascending("done", "postingEndsOn"));
        this.triggers = triggers;
        this.clock = clock;
    }

    /** Records (or, for a re-posting, replaces) the round's reminder; sends it at once if the posting has ended. */
    public Outcome posted(EventEnvelope<ReviewPostingStarted> event) {
        ReviewPostingStarted e = event.data();
        Document reminder = new Document("sequence", e.sequence())
                .append("eventId", event.id())
                .append("causeKey", MessageTriggers.cause(event).key())
                .append("unitCode", e.unitCode())
                .append("kind", e.kind())
                .append("postingStartedOn", e.postingStartedOn().toString())
                .append("postingEndsOn", e.postingEndsOn().toString())
                .append("households", e.households())
                .append("agreed", e.agreed())
                .append("done", false);
        try {
            var result = reminders.updateOne(Filters.and(Filters.eq("_id", e.roundId()),
                    Filters.lt("sequence", e.sequence())), Updates.combine(reminder.entrySet().stream()
                    .map(f -> Updates.set(f.getKey(), f.getValue())).toList()), new UpdateOptions().upsert(true));
            if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
                return Outcome.DUPLICATE;
            }
        } catch (MongoWriteException ex) {
            if (ErrorCategory.fromErrorCode(ex.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return Outcome.DUPLICATE; // an older or the same posting event: the newer reminder stays
            }
            throw ex;
        }
        sendDue();
        return Outcome.APPLIED;
    }

    /**
     * Writes to the officers of every round whose posting ended before today (in Vietnam) — unless it ended more than
     * {@link #STALE_AFTER_DAYS} days ago: a posting long over (a replayed topic, rounds loaded from the past) is no
     * news, and the reminder is closed without a message.
     */
    @Scheduled(fixedDelayString = "${notification.messages.reminder-interval-ms:60000}")
    public void sendDue() {
        LocalDate today = LocalDate.now(clock.withZone(QueryParams.VIETNAM));
        List<Document> due = new ArrayList<>();
        reminders.find(Filters.and(Filters.eq("done", false), Filters.lt("postingEndsOn", today.toString()))).into(due);
        for (Document r : due) {
            String roundId = r.getString("_id");
            if (LocalDate.parse(r.getString("postingEndsOn")).isBefore(today.minusDays(STALE_AFTER_DAYS))) {
                reminders.updateOne(Filters.and(Filters.eq("_id", roundId), Filters.eq("sequence",
                        r.getLong("sequence"))), Updates.combine(Updates.set("done", true),
                        Updates.set("skipped", "the posting ended more than " + STALE_AFTER_DAYS + " days ago")));
                continue;
            }
            var event = new Messages.Cause(r.getString("eventId"), r.getString("causeKey"));
            triggers.toOfficers(MessageKind.POSTING_ENDED, event, r.getString("unitCode"), null, null,
                    MessageKind.vars("roundId", roundId, "unitCode", r.getString("unitCode"), "kind", r.getString("kind"),
                            "postingStartedOn", MessageTriggers.date(LocalDate.parse(r.getString("postingStartedOn"))),
                            "postingEndsOn", MessageTriggers.date(LocalDate.parse(r.getString("postingEndsOn"))),
                            "households", r.getInteger("households"), "agreed", r.getInteger("agreed")));
            reminders.updateOne(Filters.and(Filters.eq("_id", roundId), Filters.eq("sequence", r.getLong("sequence"))),
                    Updates.set("done", true));
        }
    }
}
