package vn.giamngheo.notification.cards;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.notification.messages.MessageTriggers;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.Outcome;

/**
 * {@code benefit.events}, a poll at a time: health-insurance decisions become card requests (one bulk insert), every
 * decision an SMS to the household (one bulk insert).
 */
@Component
class BenefitEventsHandler implements BatchHandler {

    private final CardRequests requests;
    private final MessageTriggers messages;

    BenefitEventsHandler(CardRequests requests, MessageTriggers messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public List<Outcome> handle(List<EventEnvelope<?>> events) {
        return MessageTriggers.combine(requests.requested(events), messages.handle(events));
    }
}
