package vn.giamngheo.notification.cards;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.notification.outside.CircuitBreaker;
import vn.giamngheo.notification.outside.DueSchedule;
import vn.giamngheo.notification.outside.QueryParams;
import vn.giamngheo.notification.outside.Senders;
import vn.giamngheo.notification.outside.SignedCallbacks;
import vn.giamngheo.notification.outside.Transitions;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Change;
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
    /** Calls to BHXH in flight at once, each with a list of up to {@link BhxhClient#MAX_BATCH} requests. */
    private static final int CALLS_IN_FLIGHT = 16;
    /** Requests a sweep takes in: more are found by the next one. */
    private static final int SWEEP_LIMIT = 10_000;

    private final CardRequestStore store;
    private final BhxhClient client;
    private final BhxhProperties properties;
    private final SignedCallbacks callbacks;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Senders sending = new Senders("card request list", CALLS_IN_FLIGHT);
    /** The requests of the lists in flight. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Pending requests by the time of their next attempt. */
    private final DueSchedule pending;
    /** Accepted requests by the time to ask BHXH about them if no callback came. */
    private final DueSchedule polls;

    CardRequests(CardRequestStore store, BhxhProperties properties, SignedCallbacks callbacks, Clock clock,
            Environment environment) {
        this.store = store;
        this.callbacks = callbacks;
        // The callback address may name this server's port, known only once it listens (${local.server.port}).
        this.client = new BhxhClient(properties, () -> environment.resolveRequiredPlaceholders(properties.callbackUrl()));
        this.properties = properties;
        this.breaker = new CircuitBreaker(properties.breaker().failureThreshold(), properties.breaker().openFor(),
                clock);
        this.clock = clock;
        this.pending = new DueSchedule(properties.sweepInterval());
        this.polls = new DueSchedule(properties.sweepInterval());
    }

    // ---- from benefit.events

    /**
     * The card requests a poll's benefit events ask for, written in one bulk insert (a request whose id exists — a
     * replayed decision, or the same decision twice in the poll — is not written again).
     *
     * @return per event, in order: APPLIED (a request was created), DUPLICATE (it existed), IGNORED (no card needed,
     *         or not a benefit event)
     */
    List<Outcome> requested(List<EventEnvelope<?>> events) {
        Instant now = clock.instant();
        List<Optional<Change<CardRequest>>> wanted = events.stream().map(e -> request(e, now)).toList();
        Map<String, Change<CardRequest>> created = new LinkedHashMap<>();
        wanted.forEach(w -> w.ifPresent(c -> created.putIfAbsent(c.after().id(), c)));
        AggregateCollection.Result result = store.insertAll(List.copyOf(created.values()));
        result.applied().forEach(id -> pending.at(id, now));
        Set<String> counted = new HashSet<>();
        return wanted.stream().map(w -> w.map(c -> c.after().id())
                .map(id -> result.applied().contains(id) && counted.add(id) ? Outcome.APPLIED : Outcome.DUPLICATE)
                .orElse(Outcome.IGNORED)).toList();
    }

    /**
     * A granted premium needs a card; a new share means a card of another group (a new legal basis with the same
     * share needs none); a revoked one, its cancellation.
     */
    private static Optional<Change<CardRequest>> request(EventEnvelope<?> event, Instant now) {
        return switch (event.data()) {
            case BenefitGranted e when POLICY.equals(e.policyCode()) && e.personId() != null
                    && e.entitlement().sharePercent() != null -> Optional.of(create(e.decisionId(), e.sequence(),
                    "ISSUE", e.householdId(), e.personId(), e.entitlement().sharePercent(), e.validFrom(), now));
            case BenefitChanged e when POLICY.equals(e.policyCode()) && e.personId() != null
                    && e.current().sharePercent() != null
                    && !e.current().sharePercent().equals(e.previous().sharePercent()) -> Optional.of(create(
                    e.decisionId(), e.sequence(), "ISSUE", e.householdId(), e.personId(),
                    e.current().sharePercent(), e.effectiveDate(), now));
            case BenefitRevoked e when POLICY.equals(e.policyCode()) && e.personId() != null -> Optional.of(create(
                    e.decisionId(), e.sequence(), "CANCEL", e.householdId(), e.personId(), 0, e.effectiveDate(), now));
            default -> Optional.empty();
        };
    }

    private static Change<CardRequest> create(String decisionId, long sequence, String kind, String householdId,
            String personId, int share, LocalDate validFrom, Instant now) {
        return CardRequest.requested(CardRequest.id(decisionId, sequence), kind, householdId, personId, decisionId,
                share, validFrom, now);
    }

    // ---- the worker

    /**
     * Sends the requests whose time has come in lists of up to {@link BhxhClient#MAX_BATCH}, {@value #CALLS_IN_FLIGHT}
     * calls at most at once; waits while the breaker is open.
     */
    @Scheduled(fixedDelayString = "${notification.bhxh.dispatch-interval-ms:300}")
    public void dispatch() {
        Instant now = clock.instant();
        if (pending.sweepDue(now)) {
            store.due(now, SWEEP_LIMIT).forEach(r -> pending.at(r.id(), r.nextAttemptAt()));
            store.acceptedBefore(now.minus(properties.pollAfter()), SWEEP_LIMIT).forEach(r -> polls.at(r.id(), now));
        }
        int room = sending.room();
        if (room > 0) {
            List<CardRequest> ready = new ArrayList<>();
            for (CardRequest request : store.findAll(pending.take(now, room * BhxhClient.MAX_BATCH))) {
                if (request.status() != CardRequest.Status.PENDING || inFlight.contains(request.id())) {
                    continue; // answered, failed or being sent: whoever changes it next schedules it again
                }
                if (request.nextAttemptAt() != null && request.nextAttemptAt().isAfter(now)) {
                    pending.at(request.id(), request.nextAttemptAt());
                } else {
                    ready.add(request);
                }
            }
            int i = 0;
            for (; i < ready.size(); i += BhxhClient.MAX_BATCH) {
                if (!breaker.tryAcquire()) {
                    break;
                }
                List<CardRequest> list = List.copyOf(ready.subList(i, Math.min(ready.size(),
                        i + BhxhClient.MAX_BATCH)));
                List<String> ids = list.stream().map(CardRequest::id).toList();
                inFlight.addAll(ids);
                sending.start(list.getFirst().id(), () -> {
                    try {
                        send(list);
                    } finally {
                        ids.forEach(inFlight::remove);
                    }
                });
            }
            // Left while the breaker is open: due at their own time again, so that when the breaker lets one trial
            // call through it goes to the requests that have waited longest. Put back at "now", they tied with a
            // request just retried, and the lowest id won every trial while the others were never tried (CardLoopIT,
            // 1 in 3).
            ready.subList(Math.min(i, ready.size()), ready.size()).forEach(r -> pending.at(r.id(),
                    r.nextAttemptAt() == null ? r.createdAt() : r.nextAttemptAt()));
        }
        poll(now);
    }

    /** One call with the list; each request's answer written, all in one bulk write. */
    private void send(List<CardRequest> list) {
        List<BhxhClient.Answer> answers = client.send(list);
        if (answers.stream().allMatch(a -> a instanceof BhxhClient.Answer.Transient)) {
            breaker.failed();
        } else {
            breaker.succeeded();
        }
        Map<String, CardRequest> sent = new LinkedHashMap<>();
        Map<String, BhxhClient.Answer> answered = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            sent.put(list.get(i).id(), list.get(i));
            answered.put(list.get(i).id(), answers.get(i));
        }
        Transitions.stepAll("Card request", sent.keySet(), store::decideAll, (id, r) -> {
            // The answer is about this round: an officer may have retried the request while the call was out.
            if (r == null || r.status() != CardRequest.Status.PENDING || r.round() != sent.get(id).round()) {
                return Optional.empty();
            }
            return Optional.of(switch (answered.get(id)) {
                case BhxhClient.Answer.Accepted accepted when incomplete(r, accepted.card()) -> retryOrFail(r,
                        "BHXH answered an issued card without its number or validity");
                case BhxhClient.Answer.Accepted accepted -> accepted(r, accepted.card());
                case BhxhClient.Answer.Transient failure -> retryOrFail(r, failure.reason());
                case BhxhClient.Answer.Refused refused -> failed(r, r.attempts() + 1, refused.reason());
            });
        }).values().forEach(this::schedule);
    }

    /** An issued card must come with its number and validity. */
    private static boolean incomplete(CardRequest r, BhxhClient.Card card) {
        return card.status().equals("ISSUED") && r.kind().equals("ISSUE")
                && (card.cardNumber() == null || card.validFrom() == null || card.validTo() == null);
    }

    /** Another attempt later, or given up after the last one. */
    private Change<CardRequest> retryOrFail(CardRequest r, String reason) {
        int attempts = r.attempts() + 1;
        Instant now = clock.instant();
        return attempts >= properties.retry().maxAttempts()
                ? failed(r, attempts, reason + " (after " + attempts + " attempts)")
                : r.retryAt(now.plus(properties.retry().backoff(attempts)), reason, now);
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
            BhxhClient.Answer answer = client.status(request);
            if (answer instanceof BhxhClient.Answer.Accepted accepted) {
                breaker.succeeded();
                confirm(request.bhxhKey(), accepted.card());
            } else {
                breaker.failed();
            }
            // Not done yet: look again after another pollAfter.
            schedule(transition(request.id(), r -> r.status() == CardRequest.Status.ACCEPTED,
                    r -> r.polled(clock.instant())));
        }
    }

    // ---- BHXH's answer

    /**
     * The signed callback ({@code X-BHXH-Signature}, {@code X-Signature-Timestamp}: see {@link SignedCallbacks}). A
     * callback that is unsigned, wrongly signed, old or a replay is refused before the body is read, and changes
     * nothing. One about another round than the request's current one (sent before an officer's retry) is answered
     * with the request as it is, unchanged.
     */
    public CardRequest callback(byte[] body, String signature, String timestamp) {
        return callbacks.admit("bhxh", properties.callbackSecret(), "X-BHXH-Signature", signature, timestamp, body,
                () -> handleCallback(body));
    }

    private CardRequest handleCallback(byte[] body) {
        var node = JSON.readTree(body);
        if (!node.hasNonNull("requestId") || !node.hasNonNull("status")) {
            throw ApiException.invalid("requestId", "the callback needs requestId and status");
        }
        String key = node.get("requestId").asString();
        String id = CardRequest.idOf(key);
        CardRequest current = store.find(id).orElseThrow(() -> ApiException.notFound("Card request " + key));
        if (!current.bhxhKey().equals(key)) {
            log.info("Card request {}: callback for {} ({}) ignored, the request is in round {} ({})", id, key,
                    node.get("status").asString(), current.round(), current.status());
            return current;
        }
        confirm(key, BhxhClient.card(node));
        return store.find(id).orElseThrow();
    }

    /**
     * Applies what BHXH says about the round sent as {@code key}. A settled request never goes back: an issued or
     * cancelled card stays so whatever comes later, and a refusal cannot undo an issued card.
     */
    private void confirm(String key, BhxhClient.Card card) {
        String id = CardRequest.idOf(key);
        boolean issued = card.status().equals("ISSUED") || card.status().equals("CANCELLED");
        if (!issued && !card.status().equals("REJECTED")) {
            return; // still in progress
        }
        CardRequest after = transition(id, r -> {
            boolean settled = r.status() == CardRequest.Status.ISSUED || r.status() == CardRequest.Status.CANCELLED
                    || (!issued && r.status() == CardRequest.Status.FAILED);
            return r.bhxhKey().equals(key) && !settled;
        }, r -> issued ? issued(r, card) : failed(r, r.attempts(), "BHXH rejected the request: "
                + (card.reason() == null ? "no reason given" : card.reason())));
        if (after == null && !issued) {
            log.info("Card request {}: BHXH's rejection of {} changes nothing (the request is settled or in another "
                    + "round)", id, key);
        }
    }

    // ---- officers

    public CardRequest retry(String id) {
        CardRequest request = store.find(id).orElseThrow(() -> ApiException.notFound("Card request " + id));
        if (request.status() != CardRequest.Status.FAILED) {
            throw ApiException.conflict("status", "only a FAILED request can be retried; this one is "
                    + request.status());
        }
        schedule(transition(id, r -> r.status() == CardRequest.Status.FAILED, r -> r.retried(clock.instant())));
        return store.find(id).orElseThrow();
    }

    /** @param householdIds when not null, only the requests of these households (those of one unit) */
    public List<CardRequest> search(CardRequest.Status status, String householdId,
            java.util.Collection<String> householdIds, String personId, QueryParams.Range created,
            boolean newestFirst, int limit) {
        return store.search(status, householdId, householdIds, personId, created, newestFirst, limit);
    }

    public CardRequest find(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Card request " + id));
    }

    CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    // ---- transitions

    private Change<CardRequest> accepted(CardRequest r, BhxhClient.Card card) {
        if (card.status().equals("ISSUED") || card.status().equals("CANCELLED")) {
            return issued(r, card); // answered at once: requested and issued together
        }
        return r.accepted(clock.instant());
    }

    /** Issued (or cancelled) by BHXH; a callback before our own acceptance also records the acceptance. */
    private Change<CardRequest> issued(CardRequest r, BhxhClient.Card card) {
        if (r.kind().equals("ISSUE")
                && (card.cardNumber() == null || card.validFrom() == null || card.validTo() == null)) {
            throw ApiException.invalid("cardNumber", "an issued card needs cardNumber, validFrom and validTo");
        }
        return r.issued(card.cardNumber(), card.validFrom(), card.validTo(), clock.instant());
    }

    private Change<CardRequest> failed(CardRequest r, int attempts, String reason) {
        log.warn("Card request {} FAILED: {} — an officer must retry it (POST /api/v1/card-requests/{{id}}/retry)",
                r.id(), reason);
        return r.failed(attempts, reason, clock.instant());
    }

    /** The step, if it still applies, written; the request as written, or null. */
    private CardRequest transition(String id, Predicate<CardRequest> applies,
            Function<CardRequest, Change<CardRequest>> step) {
        return Transitions.step("Card request", id, store::decideAll, applies, step).orElse(null);
    }
}
