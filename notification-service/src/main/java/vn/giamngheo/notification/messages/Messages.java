package vn.giamngheo.notification.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import vn.giamngheo.notification.outside.CircuitBreaker;
import vn.giamngheo.notification.outside.DueSchedule;
import vn.giamngheo.notification.outside.Senders;
import vn.giamngheo.notification.outside.SignedCallbacks;
import vn.giamngheo.notification.outside.Transitions;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.web.ApiException;

/**
 * Messages from queue to delivery: rendered and stored once per cause, recipient and channel; sent by a worker with
 * retries behind a circuit breaker per channel; confirmed by the SMS gateway's signed delivery reports. Every status
 * is a {@code notification.*} event.
 */
@Service
public class Messages {

    /** Who a message goes to. {@code to} null: no address, the message is kept SUPPRESSED with {@code why}. */
    record Recipient(String kind, String id, String to, boolean optedOut) {

        static Recipient household(String householdId, Contacts.HouseholdContact contact) {
            return new Recipient("HOUSEHOLD", householdId, contact == null ? null : contact.phone(),
                    contact != null && contact.optOut().contains(Channel.SMS));
        }

        static Recipient officer(Contacts.OfficerContact officer) {
            return new Recipient("OFFICER", officer.officerId(), officer.email(),
                    officer.optOut().contains(Channel.EMAIL));
        }
    }

    /** What caused a message: the event's id, and its identity (type, subject, sequence) for the message id. */
    record Cause(String eventId, String key) {
    }

    /** A message to queue: of {@code kind}, for {@code cause}, to {@code recipient}, written with {@code variables}. */
    record Draft(MessageKind kind, Cause cause, Recipient recipient, String householdId, String personId,
            String unitCode, Map<String, Object> variables) {
    }

    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_FLIGHT = 64;
    /** Messages a sweep takes in: more are found by the next one. */
    private static final int SWEEP_LIMIT = 10_000;

    private final MessageStore store;
    private final Templates templates;
    private final Contacts contacts;
    private final Gateways gateways;
    private final MessagingProperties properties;
    private final SignedCallbacks callbacks;
    private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final Senders sending = new Senders("message", IN_FLIGHT);
    /** Queued messages by the time of their next attempt. */
    private final DueSchedule queued;

    Messages(MessageStore store, Templates templates, Contacts contacts, MessagingProperties properties,
            SignedCallbacks callbacks, JavaMailSender mail, Clock clock, Environment environment) {
        this.store = store;
        this.callbacks = callbacks;
        this.contacts = contacts;
        this.templates = templates;
        // The callback address may name this server's port, known only once it listens (${local.server.port}).
        this.gateways = new Gateways(properties,
                () -> environment.resolveRequiredPlaceholders(properties.sms().callbackUrl()), mail);
        this.properties = properties;
        for (Channel channel : Channel.values()) {
            breakers.put(channel, new CircuitBreaker(properties.breaker().failureThreshold(),
                    properties.breaker().openFor(), clock));
        }
        this.clock = clock;
        this.queued = new DueSchedule(properties.sweepInterval());
    }

    // ---- queueing

    /**
     * Renders and stores the messages in one bulk write, each unless its cause already messaged its recipient on its
     * channel (its id exists, or an earlier draft of the list has it).
     *
     * @return per draft, in order: APPLIED, or DUPLICATE for a repeated cause
     */
    List<Outcome> queueAll(List<Draft> drafts) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(drafts.size());
        Map<String, Change<Message>> created = new LinkedHashMap<>();
        for (Draft draft : drafts) {
            Change<Message> change = message(draft, now);
            ids.add(change.after().id());
            created.putIfAbsent(change.after().id(), change);
        }
        // No read first: the insert itself refuses a repeated cause (its id exists).
        AggregateCollection.Result result = store.insertAll(List.copyOf(created.values()));
        result.applied().stream().filter(id -> created.get(id).after().status() == Message.Status.QUEUED)
                .forEach(id -> queued.at(id, now));
        Set<String> counted = new HashSet<>();
        return ids.stream().map(id -> result.applied().contains(id) && counted.add(id) ? Outcome.APPLIED
                : Outcome.DUPLICATE).toList();
    }

    private Change<Message> message(Draft draft, Instant now) {
        MessageKind kind = draft.kind();
        Recipient recipient = draft.recipient();
        Templates.Rendered rendered = templates.render(kind, draft.variables());
        String why = recipient.to() == null ? (kind.channel() == Channel.SMS ? "no phone number on file"
                : "no e-mail address on file") : recipient.optedOut() ? "the recipient opted out of " + kind.channel()
                : null;
        return Message.queued(kind, recipient.kind(), recipient.id(), draft.householdId(), draft.personId(),
                draft.unitCode(), recipient.to(), rendered.template(), rendered.subject(), rendered.text(),
                draft.cause().eventId(), draft.cause().key(), why, now);
    }

    // ---- the worker

    /** Sends the messages whose time has come, {@value #IN_FLIGHT} at most at once; holds a channel while its breaker is open. */
    @Scheduled(fixedDelayString = "${notification.messages.dispatch-interval-ms:300}")
    public void dispatch() {
        Instant now = clock.instant();
        if (queued.sweepDue(now)) {
            store.due(now, SWEEP_LIMIT).forEach(m -> queued.at(m.id(), m.nextAttemptAt()));
        }
        int room = sending.room();
        if (room == 0) {
            return;
        }
        for (Message message : store.findAll(queued.take(now, room))) {
            if (message.status() != Message.Status.QUEUED || sending.sending(message.id())) {
                continue; // sent, failed or being sent: whoever queues it again schedules it
            }
            if (message.nextAttemptAt() != null && message.nextAttemptAt().isAfter(now)) {
                queued.at(message.id(), message.nextAttemptAt());
            } else if (breakers.get(message.channel()).tryAcquire()) {
                sending.start(message.id(), () -> send(message));
            } else {
                // The channel's breaker is open: due at its own time again, so the longest waiting goes first once
                // the breaker lets a trial call through (put back at "now", one message could take every trial).
                queued.at(message.id(), message.nextAttemptAt() == null ? message.createdAt() : message.nextAttemptAt());
            }
        }
    }

    private void send(Message message) {
        CircuitBreaker breaker = breakers.get(message.channel());
        Predicate<Message> queued = m -> m.status() == Message.Status.QUEUED;
        switch (gateways.send(message)) {
            case Gateways.Answer.Accepted accepted -> {
                breaker.succeeded();
                transition(message.id(), queued, m -> m.sent(clock.instant()));
            }
            case Gateways.Answer.Transient failure -> {
                breaker.failed();
                transition(message.id(), queued, m -> {
                    int attempts = m.attempts() + 1;
                    Instant now = clock.instant();
                    if (attempts >= properties.retry().maxAttempts()) {
                        return failed(m, attempts, failure.reason() + " (after " + attempts + " attempts)");
                    }
                    return m.retryAt(now.plus(properties.retry().backoff(attempts)), failure.reason(), now);
                });
            }
            case Gateways.Answer.Refused refused -> {
                breaker.succeeded();
                transition(message.id(), queued, m -> failed(m, m.attempts() + 1, refused.reason()));
            }
        }
    }

    // ---- the SMS gateway's delivery reports

    /**
     * {@code {messageId, status: DELIVERED|UNDELIVERED, reason?}}, signed ({@code X-SMS-Signature},
     * {@code X-Signature-Timestamp}: see {@link SignedCallbacks}); unsigned, wrongly signed, old or replayed reports
     * are refused and change nothing.
     */
    public Message report(byte[] body, String signature, String timestamp) {
        return callbacks.admit("sms", properties.sms().callbackSecret(), "X-SMS-Signature", signature, timestamp, body,
                () -> handleReport(body));
    }

    private Message handleReport(byte[] body) {
        var node = JSON.readTree(body);
        String status = node.path("status").asString("");
        if (!node.hasNonNull("messageId") || !(status.equals("DELIVERED") || status.equals("UNDELIVERED"))) {
            throw ApiException.invalid("status", "a delivery report needs messageId and status DELIVERED or UNDELIVERED");
        }
        String key = node.get("messageId").asString();
        String id = Message.idOf(key);
        Message current = store.find(id).orElseThrow(() -> ApiException.notFound("Message " + key));
        if (!current.gatewayKey().equals(key)) {
            log.info("Message {}: delivery report for {} ({}) ignored, the message is in round {} ({})", id, key,
                    status, current.round(), current.status());
            return current;
        }
        // A report may overtake our own record of the gateway's acceptance: it counts for both. A delivered or failed
        // message never goes back, whatever a later report says.
        Predicate<Message> open = m -> m.gatewayKey().equals(key)
                && (m.status() == Message.Status.QUEUED || m.status() == Message.Status.SENT);
        if (status.equals("DELIVERED")) {
            transition(id, open, m -> m.delivered(clock.instant()));
        } else {
            String reason = "not delivered: " + node.path("reason").asString("no reason given");
            transition(id, open, m -> failed(m, m.attempts(), reason));
        }
        return store.find(id).orElseThrow();
    }

    // ---- officers

    /**
     * Queues a FAILED message again, with the same text and a fresh retry budget, to the household's phone number as
     * it is now (an officer may have corrected it).
     */
    public Message resend(String id) {
        Message message = find(id);
        if (message.status() != Message.Status.FAILED) {
            throw ApiException.conflict("status", "only a FAILED message can be resent; this one is " + message.status()
                    + (message.status() == Message.Status.SUPPRESSED ? " (" + message.lastError() + ")" : ""));
        }
        String address = message.to();
        if (message.recipientKind().equals("HOUSEHOLD")) {
            Contacts.HouseholdContact contact = contacts.household(message.recipientId()).orElse(null);
            if (contact == null || contact.optOut().contains(message.channel())) {
                throw ApiException.conflict("status", contact == null ? "the household has no phone number on file"
                        : "the household opted out of " + message.channel());
            }
            address = contact.phone();
        }
        String to = address;
        transition(id, m -> m.status() == Message.Status.FAILED, m -> m.resent(to, clock.instant()));
        return find(id);
    }

    public Message find(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Message " + id));
    }

    List<Message> search(MessageStore.Query query) {
        return store.search(query);
    }

    // ---- transitions

    private Change<Message> failed(Message m, int attempts, String reason) {
        log.warn("Message {} ({} {}) FAILED: {} — an officer can resend it (POST /api/v1/messages/{{id}}/resend)",
                m.id(), m.kind(), m.channel(), reason);
        return m.failed(attempts, reason, clock.instant());
    }

    /** The step, if it still applies, written; a message queued again is scheduled. */
    private void transition(String id, Predicate<Message> applies, Function<Message, Change<Message>> step) {
        Transitions.step("Message", id, store::decideAll, applies, step)
                .filter(after -> after.status() == Message.Status.QUEUED)
                .ifPresent(after -> queued.at(id, after.nextAttemptAt() == null ? clock.instant()
                        : after.nextAttemptAt()));
    }
}
