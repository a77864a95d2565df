package vn.giamngheo.notification.messages;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.notification.activity.HouseholdActivity;
import vn.giamngheo.notification.outside.QueryParams;
import vn.giamngheo.notification.outside.SignedCallbacks;
import vn.giamngheo.platform.security.HouseholdAccess;

/** Messages for officers (list, resend a failed one), and the SMS gateway's delivery reports. */
@RestController
class MessageController {

    /** A message as officers see it: the address masked. */
    record MessageView(String id, MessageKind kind, Channel channel, String recipientKind, String recipientId,
            String householdId, String personId, String unitCode, String to, String template, String subject,
            String text, String causeEventId, Message.Status status, int attempts, Instant nextAttemptAt,
            String lastError, Instant createdAt, Instant updatedAt) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.kind(), m.channel(), m.recipientKind(), m.recipientId(), m.householdId(),
                    m.personId(), m.unitCode(), m.maskedTo(), m.template(), m.subject(), m.text(), m.causeEventId(),
                    m.status(), m.attempts(), m.nextAttemptAt(), m.lastError(), m.createdAt(), m.updatedAt());
        }
    }

    private final Messages messages;
    private final HouseholdAccess areas;
    private final HouseholdActivity activity;

    MessageController(Messages messages, HouseholdAccess areas, HouseholdActivity activity) {
        this.messages = messages;
        this.areas = areas;
        this.activity = activity;
    }

    /**
     * {@code from}/{@code to}: dates (yyyy-MM-dd, Vietnam time) the message was created on, both included;
     * {@code unitCode}: the commune-level unit the message is about; {@code order}: oldest (default) or newest first.
     */
    @GetMapping("/api/v1/messages")
    List<MessageView> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String householdId,
            @RequestParam(required = false) String personId, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String order, @RequestParam(defaultValue = "200") int limit) {
        areas.checkListOf(householdId);
        QueryParams.Range days = QueryParams.days(from, to);
        String unit = QueryParams.unitCode(unitCode);
        return messages.search(new MessageStore.Query(QueryParams.choice("status", status, Message.Status.class),
                QueryParams.choice("channel", channel, Channel.class), householdId, personId, unit,
                unit == null ? null : activity.householdsIn(unit), days.from(), days.to(),
                QueryParams.newestFirst(order), QueryParams.limit(limit))).stream().map(MessageView::of).toList();
    }

    @GetMapping("/api/v1/messages/{id}")
    MessageView get(@PathVariable String id) {
        return MessageView.of(readable(id));
    }

    /** The message, if it is to a household in the caller's units (officers' mail: callers acting for every unit). */
    private Message readable(String id) {
        Message message = messages.find(id);
        areas.checkRecordOf(message.householdId());
        return message;
    }

    /** Queues a FAILED message again (same text, fresh retry budget). */
    @PostMapping("/api/v1/messages/{id}/resend")
    MessageView resend(@PathVariable String id) {
        readable(id);
        return MessageView.of(messages.resend(id));
    }

    /** The SMS gateway's signed delivery report. */
    @PostMapping("/api/v1/sms/delivery-reports")
    MessageView report(@RequestBody byte[] body,
            @RequestHeader(name = "X-SMS-Signature", required = false) String signature,
            @RequestHeader(name = SignedCallbacks.TIMESTAMP_HEADER, required = false) String timestamp) {
        return MessageView.of(messages.report(body, signature, timestamp));
    }
}
