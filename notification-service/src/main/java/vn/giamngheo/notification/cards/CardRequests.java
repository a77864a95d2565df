package vn.giamngheo.notification.cards;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.card.InsuranceCardRequested;
import vn.giamngheo.notification.outside.CircuitBreaker;
import vn.giamngheo.notification.outside.DueSchedule;
import vn.giamngheo.notification.outside.QueryParams;
import vn.giamngheo.notification.outside.Senders;
import vn.giamngheo.notification.outside.Signatures;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;
import vn.giamngheo.platform.web.ApiException;

/**
 * The health-insurance card loop with Vietnam Social Security: a card request for every health-insurance premium
 * decision that needs a card (granted, share changed) or its cancellation (revoked); sent with retries and a circuit
 * breaker; confirmed by a signed callback or by polling. Every outcome is an {@code insurance-card.*} event.
 */
@Service
public class CardRequests {

    static final String POLICY = "HEALTH_INSURANCE_PREMIUM";
    private static final Logger log = LoggerFactory.getLogger(CardRequests.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 32;
    private static final int IN_FLIGHT = 64;
    /** Requests a sweep takes in: more are found by the next one. */
    private static final int SWEEP_LIMIT = 10_000;

    private final CardRequestStore store;
    private final BhxhClient client;
    private final BhxhProperties properties;
    private final CircuitBreaker breaker;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Senders sending = new Senders("card request", IN_FLIGHT);
    /** Pending requests by the time of their next attempt. */
    private final DueSchedule pending;
    /** Accepted requests by the time to ask BHXH about them if no callback came. */
    private final DueSchedule polls;

    CardRequests(CardRequestStore store, BhxhProperties properties, Outbox outbox, OutboxRelay relay, Clock clock,
            org.springframework.core.env.Environment environment) {
        this.store = store;
        // The callback address may name this server's port, known only once it listens (${local.server.port}).
        this.client = new BhxhClient(properties, () -> environment.resolveRequiredPlaceholders(properties.callbackUrl()));
        this.properties = properties;
        this.breaker = new CircuitBreaker(properties.breaker().failureThreshold(), properties.breaker().openFor(),
                clock);
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.pending = new DueSchedule(properties.sweepInterval());
        this.polls = new DueSchedule(properties.sweepInterval());
    }

    // ---- from benefit.events

    Outcome granted(EventEnvelope<BenefitGranted> event) {
        BenefitGranted e = event.data();
        if (!POLICY.equals(e.policyCode()) || e.personId() == null || e.entitlement().sharePercent() == null) {
            return Outcome.IGNORED;
        }
        return create(CardRequest.id(e.decisionId(), e.sequence()), "ISSUE", e.householdId(), e.personId(),
                e.decisionId(), e.entitlement().sharePercent(), e.validFrom());
    }

    /** A new share means a card of another group; a new legal basis with the same share needs no new card. */
    Outcome changed(EventEnvelope<BenefitChanged> event) {
        BenefitChanged e = event.data();
        if (!POLICY.equals(e.policyCode()) || e.personId() == null || e.current().sharePercent() == null
                || e.current().sharePercent().equals(e.previous().sharePercent())) {
            return Outcome.IGNORED;
        }
        return create(CardRequest.id(e.decisionId(), e.sequence()), "ISSUE", e.householdId(), e.personId(),
                e.decisionId(), e.current().sharePercent(), e.effectiveDate());
    }

    Outcome revoked(EventEnvelope<BenefitRevoked> event) {
        BenefitRevoked e = event.data();
        if (!POLICY.equals(e.policyCode()) || e.personId() == null) {
            return Outcome.IGNORED;
        }
        return create(CardRequest.id(e.decisionId(), e.sequence()), "CANCEL", e.householdId(), e.personId(),
                e.decisionId(), 0, e.effectiveDate());
    }

    private Outcome create(String id, String kind, String householdId, String personId, String decisionId, int share,
            java.time.LocalDate validFrom) {
        Instant now = clock.instant();
        boolean created = store.insert(new CardRequest(id, kind, householdId, personId, decisionId, share, validFrom,
                CardRequest.Status.PENDING, 0, now, null, null, null, null, now, now, 0, 1));
        if (!created) {
            return Outcome.DUPLICATE;
        }
        pending.at(id, now);
        return Outcome.APPLIED;
    }

    // ---- the worker

    /** Sends the requests whose time has come, {@value #IN_FLIGHT} at most at once; waits while the breaker is open. */
    @Scheduled(fixedDelayString = "${notification.bhxh.dispatch-interval-ms:300}")
    public void dispatch() {
        Instant now = clock.instant();
        if (pending.sweepDue(now)) {
            store.due(now, SWEEP_LIMIT).forEach(r -> pending.at(r.id(), r.nextAttemptAt()));
            store.acceptedBefore(now.minus(properties.pollAfter()), SWEEP_LIMIT).forEach(r -> polls.at(r.id(), now));
        }
        int room = sending.room();
        if (room > 0) {
            List<String> ids = pending.take(now, room);
            List<CardRequest> requests = store.findAll(ids);
            int i = 0;
            for (; i < requests.size(); i++) {
                CardRequest request = requests.get(i);
                if (request.status() != CardRequest.Status.PENDING || sending.sending(request.id())) {
                    continue; // answered, failed or being sent: whoever changes it next schedules it again
                }
                if (request.nextAttemptAt() != null && request.nextAttemptAt().isAfter(now)) {
                    pending.at(request.id(), request.nextAttemptAt());
                    continue;
                }
                if (!breaker.tryAcquire()) {
                    break;
                }
                sending.start(request.id(), () -> send(request));
            }
            // Left while the breaker is open: due again at once, sent when it lets calls through.
            requests.subList(i, requests.size()).forEach(r -> pending.at(r.id(), now));
        }
        poll(now);
    }

    private void send(CardRequest request) {
        BhxhClient.Answer answer = client.send(request);
        switch (answer) {
            case BhxhClient.Answer.Accepted accepted -> {
                breaker.succeeded();
                schedule(transition(request.id(), r -> r.status() == CardRequest.Status.PENDING ? r : null,
                        r -> accepted(r, accepted.card())));
            }
            case BhxhClient.Answer.Transient failure -> {
                breaker.failed();
                schedule(transition(request.id(), r -> r.status() == CardRequest.Status.PENDING ? r : null, r -> {
                    int attempts = r.attempts() + 1;
                    Instant now = clock.instant();
                    if (attempts >= properties.retry().maxAttempts()) {
                        return failed(r, attempts, failure.reason() + " (after " + attempts + " attempts)");
                    }
                    return new Step(r.with(CardRequest.Status.PENDING, attempts,
                            now.plus(properties.retry().backoff(attempts)), failure.reason(), now, r.eventSequence()),
                            List.of());
                }));
            }
            case BhxhClient.Answer.Refused refused -> {
                breaker.succeeded();
                transition(request.id(), r -> r.status() == CardRequest.Status.PENDING ? r : null,
                        r -> failed(r, r.attempts() + 1, refused.reason()));
            }
        }
    }

    /** Puts a request just written on the schedule its new state asks for (none once it is settled). */
    private void schedule(CardRequest written) {
        if (written == null) {
            return;
        }
        switch (written.status()) {
            case PENDING -> pending.at(written.id(), written.nextAttemptAt() == null ? clock.instant()
                    : written.nextAttemptAt());
            case ACCEPTED -> polls.at(written.id(), written.updatedAt().plus(properties.pollAfter()));
            default -> {
                // ISSUED, CANCELLED or FAILED: nothing more to do until an officer retries it
            }
        }
    }

    /** Asks about accepted requests that have had no callback for a while. */
    private void poll(Instant now) {
        for (CardRequest request : store.findAll(polls.take(now, BATCH))) {
            if (request.status() != CardRequest.Status.ACCEPTED) {
                continue;
            }
            if (!breaker.tryAcquire()) {
                polls.at(request.id(), now);
                continue;
            }
            BhxhClient.Answer answer = client.status(request.id());
            if (answer instanceof BhxhClient.Answer.Accepted accepted) {
                breaker.succeeded();
                confirm(request.id(), accepted.card());
            } else {
                breaker.failed();
            }
            // Not done yet: look again after another pollAfter.
            schedule(transition(request.id(), r -> r.status() == CardRequest.Status.ACCEPTED ? r : null, r -> new Step(
                    r.with(r.status(), r.attempts(), null, r.lastError(), clock.instant(), r.eventSequence()),
                    List.of())));
        }
    }

    // ---- BHXH's answer

    /**
     * The signed callback: {@code X-BHXH-Signature: sha256=<hex HMAC-SHA256 of the body>}. A bad or missing signature
     * is rejected before the body is read, and changes nothing.
     */
    public CardRequest callback(byte[] body, String signature) {
        Signatures.verify(properties.callbackSecret(), body, "X-BHXH-Signature", signature);
        var node = JSON.readTree(body);
        if (!node.hasNonNull("requestId") || !node.hasNonNull("status")) {
            throw ApiException.invalid("requestId", "the callback needs requestId and status");
        }
        String id = node.get("requestId").asString();
        store.find(id).orElseThrow(() -> ApiException.notFound("Card request " + id));
        confirm(id, BhxhClient.card(node));
        return store.find(id).orElseThrow();
    }

    private void confirm(String id, BhxhClient.Card card) {
        switch (card.status()) {
            case "ISSUED", "CANCELLED" -> transition(id, r -> r.status() == CardRequest.Status.ISSUED
                    || r.status() == CardRequest.Status.CANCELLED ? null : r, r -> issued(r, card));
            case "REJECTED" -> transition(id, r -> r.status() == CardRequest.Status.ISSUED
                    || r.status() == CardRequest.Status.CANCELLED || r.status() == CardRequest.Status.FAILED ? null : r,
                    r -> failed(r, r.attempts(), "BHXH rejected the request: "
                            + (card.reason() == null ? "no reason given" : card.reason())));
            default -> {
                // still in progress
            }
        }
    }

    // ---- officers

    public CardRequest retry(String id) {
        CardRequest request = store.find(id).orElseThrow(() -> ApiException.notFound("Card request " + id));
        if (request.status() != CardRequest.Status.FAILED) {
            throw ApiException.conflict("status", "only a FAILED request can be retried; this one is "
                    + request.status());
        }
        schedule(transition(id, r -> r.status() == CardRequest.Status.FAILED ? r : null, r -> new Step(
                r.with(CardRequest.Status.PENDING, 0, clock.instant(), r.lastError(), clock.instant(),
                        r.eventSequence()), List.of())));
        return store.find(id).orElseThrow();
    }

    public List<CardRequest> search(CardRequest.Status status, String householdId, String personId,
            QueryParams.Range created, int limit) {
        return store.search(status, householdId, personId, created, limit);
    }

    public CardRequest find(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Card request " + id));
    }

    CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    // ---- transitions

    private record Step(CardRequest after, List<Document> events) {
    }

    private Step accepted(CardRequest r, BhxhClient.Card card) {
        if (card.status().equals("ISSUED") || card.status().equals("CANCELLED")) {
            return issued(r, card); // answered at once: requested and issued together
        }
        Instant now = clock.instant();
        Document requested = outbox.entry(EventTypes.INSURANCE_CARD_REQUESTED, new InsuranceCardRequested(r.id(),
                r.eventSequence() + 1, r.kind(), r.householdId(), r.personId(), r.decisionId(), now));
        return new Step(r.with(CardRequest.Status.ACCEPTED, r.attempts() + 1, null, null, now, r.eventSequence() + 1),
                List.of(requested));
    }

    /** Issued (or cancelled) by BHXH; a callback before our own acceptance also records the acceptance. */
    private Step issued(CardRequest r, BhxhClient.Card card) {
        Instant now = clock.instant();
        List<Document> events = new ArrayList<>();
        long sequence = r.eventSequence();
        if (r.status() == CardRequest.Status.PENDING) {
            events.add(outbox.entry(EventTypes.INSURANCE_CARD_REQUESTED, new InsuranceCardRequested(r.id(),
                    ++sequence, r.kind(), r.householdId(), r.personId(), r.decisionId(), now)));
        }
        if (r.kind().equals("ISSUE")) {
            if (card.cardNumber() == null || card.validFrom() == null || card.validTo() == null) {
                throw ApiException.invalid("cardNumber", "an issued card needs cardNumber, validFrom and validTo");
            }
            events.add(outbox.entry(EventTypes.INSURANCE_CARD_ISSUED, new InsuranceCardIssued(r.id(), ++sequence,
                    r.householdId(), r.personId(), r.decisionId(), card.cardNumber(), card.validFrom(),
                    card.validTo())));
        }
        return new Step(r.issued(card.cardNumber(), card.validFrom(), card.validTo(), now, sequence), events);
    }

    private Step failed(CardRequest r, int attempts, String reason) {
        log.warn("Card request {} FAILED: {} — an officer must retry it (POST /api/v1/card-requests/{{id}}/retry)",
                r.id(), reason);
        Document event = outbox.entry(EventTypes.INSURANCE_CARD_FAILED, new InsuranceCardFailed(r.id(),
                r.eventSequence() + 1, r.householdId(), r.personId(), r.decisionId(), reason, attempts));
        return new Step(r.with(CardRequest.Status.FAILED, attempts, null, reason, clock.instant(),
                r.eventSequence() + 1), List.of(event));
    }

    /**
     * Reads the request, lets {@code applies} decide whether the step still applies (null: it does not), computes the
     * step and writes it with its events; retried when someone else wrote in between.
     */
    private CardRequest transition(String id, UnaryOperator<CardRequest> applies,
            java.util.function.Function<CardRequest, Step> step) {
        for (int attempt = 0; attempt < 5; attempt++) {
            CardRequest current = store.find(id).orElse(null);
            if (current == null || applies.apply(current) == null) {
                return null;
            }
            Step next = step.apply(current);
            if (store.update(next.after(), next.events())) {
                if (!next.events().isEmpty()) {
                    relay.wake(CardRequestStore.COLLECTION, id);
                }
                return next.after();
            }
        }
        log.warn("Card request {} kept changing; the step is left for the next round", id);
        return null;
    }
}
