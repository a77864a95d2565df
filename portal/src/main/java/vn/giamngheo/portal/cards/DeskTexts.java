package vn.giamngheo.portal.cards;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.registry.Reasons;

/**
 * notification-service's reasons in Vietnamese: why a card request or a message failed ({@code lastError}) and why a
 * retry or resend was refused (409). Those the portal knows get their words from messages_vi.properties, with the
 * values they name (a reason from BHXH inside is translated in turn); any other goes to {@link Reasons}, which shows
 * it as the service wrote it rather than hide it.
 */
@Component
public class DeskTexts {

    private record Known(Pattern pattern, String key) {
        Known(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    private static final List<Known> KNOWN = List.of(
            new Known("(.+) \\(after (\\d+) attempts\\)", "desk.error.afterAttempts"),
            new Known("BHXH rejected the request: (.+)", "desk.error.bhxhRejected"),
            new Known("BHXH answered HTTP (\\d+)", "desk.error.bhxhHttp"),
            new Known("BHXH did not answer within (\\d+) ms", "desk.error.bhxhTimeout"),
            new Known("BHXH unreachable: .*", "desk.error.bhxhUnreachable"),
            new Known("citizen id not found in the national population database",
                    "desk.error.citizenNotFound"),
            new Known("the person already has a valid card.*", "desk.error.alreadyCarded"),
            new Known("no reason given", "desk.error.noReason"),
            new Known("not delivered: (.+)", "desk.error.notDelivered"),
            new Known("no phone number on file", "desk.error.noPhone"),
            new Known("no e-mail address on file", "desk.error.noEmail"),
            new Known("the recipient opted out of (\\w+)", "desk.error.optedOut"),
            new Known("the household opted out of (\\w+)", "desk.error.optedOut"),
            new Known("the household has no phone number on file", "desk.error.noPhone"),
            new Known("only a FAILED request can be retried; this one is (\\w+)", "desk.error.notFailedCard"),
            new Known("only a FAILED message can be resent; this one is (\\w+).*", "desk.error.notFailedMessage"),
            new Known("SMS gateway answered HTTP (\\d+)", "desk.error.smsHttp"),
            new Known("SMS gateway did not answer within (\\d+) ms", "desk.error.smsTimeout"),
            new Known("SMS gateway unreachable: .*", "desk.error.smsUnreachable"),
            new Known("SMTP: .*", "desk.error.smtp"));

    private final Reasons reasons;

    DeskTexts(Reasons reasons) {
        this.reasons = reasons;
    }

    /** {@code reason} in Vietnamese; null stays null (nothing went wrong). */
    public String of(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        for (Known known : KNOWN) {
            Matcher m = known.pattern().matcher(reason.strip());
            if (m.matches()) {
                Object[] args = IntStream.rangeClosed(1, m.groupCount()).mapToObj(i -> value(known, i, m.group(i)))
                        .toArray();
                return reasons.text(known.key(), args);
            }
        }
        return reasons.translate(reason);
    }

    /** A group that is itself a reason (BHXH's, the gateway's, the one before "after n attempts") is translated too. */
    private Object value(Known known, int group, String value) {
        boolean nested = group == 1 && (known.key().equals("desk.error.afterAttempts")
                || known.key().equals("desk.error.bhxhRejected") || known.key().equals("desk.error.notDelivered"));
        if (nested) {
            return of(value);
        }
        if (known.key().startsWith("desk.error.notFailed")) {
            return reasons.text("status." + value);
        }
        if (known.key().equals("desk.error.optedOut")) {
            return reasons.text("channel." + value);
        }
        return value;
    }
}
