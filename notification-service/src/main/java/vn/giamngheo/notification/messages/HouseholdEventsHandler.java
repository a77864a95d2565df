package vn.giamngheo.notification.messages;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.notification.activity.HouseholdActivity;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.Outcome;

/**
 * {@code household.events}, a poll at a time: the households' activity views (one bulk write), the SMS of each class
 * decision (one bulk insert), the reminders of the review rounds' postings (one read, one bulk write).
 */
@Component
class HouseholdEventsHandler implements BatchHandler {

    private final HouseholdActivity activity;
    private final MessageTriggers messages;
    private final PostingReminders postings;

    HouseholdEventsHandler(HouseholdActivity activity, MessageTriggers messages, PostingReminders postings) {
        this.activity = activity;
        this.messages = messages;
        this.postings = postings;
    }

    @Override
    public List<Outcome> handle(List<EventEnvelope<?>> events) {
        return MessageTriggers.combine(activity.seenAll(events), messages.handle(events), postings.postedAll(events));
    }
}
