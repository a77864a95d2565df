package vn.giamngheo.notification.outside;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Codec;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/**
 * The gate for callbacks from outside (BHXH's card callbacks, the SMS gateway's delivery reports): a callback is let
 * through once, if it is signed with the shared secret over its timestamp and body, and signed within
 * {@link CallbackProperties#tolerance()} of this server's clock. Each signature let through is remembered in MongoDB
 * under its own id (inserted if absent), so that the same call sent again is refused on every instance of the service, not
 * only on the one that saw it first. A sender that retries signs again with a new timestamp.
 */
@Component
public class SignedCallbacks {

    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    static final String COLLECTION = "callback_signatures";

    /** A signature let through: {@code <sender>:<signature>}, remembered until {@code forgetAfter}. */
    private record Seen(String id, Instant signedAt, Instant forgetAfter) {
    }

    private static final Codec<Seen> CODEC = Codec.of(Seen::id,
            s -> new Document("_id", s.id()).append("signedAt", Date.from(s.signedAt()))
                    .append("forgetAfter", Date.from(s.forgetAfter())),
            d -> new Seen(d.getString("_id"), d.getDate("signedAt").toInstant(), d.getDate("forgetAfter").toInstant()));

    private final AggregateCollection<Seen> remembered;
    /** Forgetting, beside: one signature, or all past their window. */
    private final MongoCollection<Document> seen;
    private final Duration tolerance;
    private final Clock clock;

    SignedCallbacks(Aggregates aggregates, MongoDatabase database, CallbackProperties properties, Clock clock) {
        this.remembered = aggregates.records(COLLECTION, CODEC);
        this.seen = database.getCollection(COLLECTION);
        this.tolerance = properties.tolerance();
        this.clock = clock;
    }

    /**
     * Refuses, changing nothing, a callback whose timestamp or signature is missing or wrong, or signed outside the
     * tolerance (401), or already received (409); otherwise remembers it and handles it. A callback whose handling
     * fails (its request not stored yet, MongoDB unavailable) is forgotten again, so that the sender's retry of the same
     * bytes is not refused as a replay of one that changed nothing.
     *
     * @param sender          names the secret's owner in what is remembered (a signature is only unique per secret)
     * @param signatureHeader the header the sender puts its signature in, named in the errors
     */
    public <T> T admit(String sender, String secret, String signatureHeader, String signature, String timestamp,
            byte[] body, Supplier<T> handle) {
        remember(sender, secret, signatureHeader, signature, timestamp, body);
        try {
            return handle.get();
        } catch (RuntimeException e) {
            try {
                seen.deleteOne(Filters.eq("_id", sender + ":" + signature));
            } catch (RuntimeException forgetting) {
                e.addSuppressed(forgetting);
            }
            throw e;
        }
    }

    private void remember(String sender, String secret, String signatureHeader, String signature, String timestamp,
            byte[] body) {
        String rule = "must be sha256=<hex HMAC-SHA256 of \"<" + TIMESTAMP_HEADER + ">.<body>\" with the shared secret>";
        if (signature == null) {
            throw unauthorized("Missing " + signatureHeader, signatureHeader, rule);
        }
        long signedAt = timestamp(timestamp);
        if (!Signatures.matches(secret, signedAt, body, signature)) {
            throw unauthorized("Wrong " + signatureHeader, signatureHeader, rule);
        }
        Instant now = clock.instant();
        long age = now.getEpochSecond() - signedAt;
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw unauthorized("Callback signed outside the accepted window", TIMESTAMP_HEADER, "the callback was "
                    + "signed " + Math.abs(age) + " s " + (age > 0 ? "before" : "after") + " this server's time "
                    + now.getEpochSecond() + "; at most " + tolerance.toSeconds() + " s either way are accepted: "
                    + "sign it again with the current time");
        }
        Instant signed = Instant.ofEpochSecond(signedAt);
        if (!remembered.insertIfAbsent(new Seen(sender + ":" + signature, signed,
                signed.plus(tolerance.multipliedBy(2))))) {
            throw ApiException.conflict(signatureHeader, "this callback (the same signature) was received already; "
                    + "a sender that retries signs again with the current time");
        }
    }

    /** Signatures past their window cannot come back (they would be refused as old): no need to remember them. */
    @Scheduled(fixedDelayString = "${notification.callbacks.forget-interval-ms:60000}")
    public void forgetExpired() {
        seen.deleteMany(Filters.lt("forgetAfter", Date.from(clock.instant())));
    }

    private static long timestamp(String value) {
        if (value != null && value.matches("-?\\d{1,15}")) {
            return Long.parseLong(value);
        }
        throw unauthorized("Missing or wrong " + TIMESTAMP_HEADER, TIMESTAMP_HEADER,
                "must be the time the callback was signed, in whole seconds since 1970-01-01T00:00:00Z; was "
                        + (value == null ? "missing" : "'" + abbreviated(value) + "'"));
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static ApiException unauthorized(String detail, String field, String reason) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail, List.of(new FieldProblem(field, reason)));
    }
}
