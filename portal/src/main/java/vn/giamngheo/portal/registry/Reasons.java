package vn.giamngheo.portal.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The services' reasons in Vietnamese. The services word their reasons in English for developers and clients; those
 * the portal knows get their Vietnamese text from messages_vi.properties (with the values the reason names), any
 * other is shown as the service wrote it rather than hidden.
 */
@Component
public class Reasons {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A service reason and its key in messages_vi.properties; the pattern's groups are the message's {0}, {1}… */
    private record Known(Pattern pattern, String key) {
        Known(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    // Platform validation (Bean Validation's defaults and the platform's own messages), then registry rules.
    private static final List<Known> KNOWN = List.of(
            new Known("must not be (blank|null|empty)|is required", "reason.required"),
            new Known("size must be between \\d+ and (\\d+)", "reason.tooLong"),
            new Known("must be 12 digits( \\(CCCD\\))?", "reason.citizenId.digits"),
            new Known("must be a 5-digit commune-level unit code", "reason.unitCode"),
            new Known("must list 1 to (\\d+) members", "reason.members.count"),
            new Known("'(.*)' is not a valid date.*", "reason.date"),
            new Known("'(.*)' is not a valid value.*", "reason.choice"),
            new Known("(is|cannot be) in the future", "reason.future"),
            new Known("is more than (\\d+) years before .*", "reason.tooOld"),
            new Known("digits 1-3 \\((\\d+)\\) are not a province code", "reason.citizenId.province"),
            new Known("digit 4 is (\\d) but a man born in (\\d+) has (\\d)", "reason.citizenId.man"),
            new Known("digit 4 is (\\d) but a woman born in (\\d+) has (\\d)", "reason.citizenId.woman"),
            new Known("digits 5-6 are (\\d+) but the year of birth is (\\d+)", "reason.citizenId.year"),
            new Known("the same citizen id is listed twice", "reason.citizenId.twice"),
            new Known("is already an active member of household (\\S+)", "reason.citizenId.active"),
            new Known("is already an active member of a household outside your units.*",
                    "reason.citizenId.activeElsewhere"),
            new Known("a household has exactly one head \\(HEAD\\), found (\\d+)", "reason.oneHead"),
            new Known("a household has one head; to change it.*", "reason.addHead"),
            new Known("(.+) is the head of household: change the head first.*", "reason.isHead"),
            new Known("(.+) is already the head", "reason.alreadyHead"),
            new Known("the previous head cannot stay head", "reason.previousHead"),
            new Known("the new head must be one of the members who leave", "reason.split.newHead"),
            new Known("(.+) is the head of this household.*", "reason.split.head"),
            new Known("at least one member must stay", "reason.split.oneStays"),
            new Known("name at least one member to split off", "reason.split.none"),
            new Known("a household cannot merge into itself", "reason.merge.itself"),
            new Known("this household keeps its head", "reason.merge.head"),
            new Known("a person moving in cannot become head directly", "reason.move.head"),
            new Known("the person is already in this household", "reason.move.same"),
            new Known("household (\\S+) is no longer in the registry", "reason.household.gone"),
            new Known("(\\S+) is not an active member of household (\\S+)", "reason.member.gone"),
            new Known("Household (\\S+)( was not found)?", "reason.household.notFound"),
            new Known("changes nothing", "reason.correction.nothing"),
            new Known("say why.*", "reason.correction.why"),
            new Known("changed concurrently", "reason.concurrent"),
            new Known("no administrative unit with code (\\d+) is in force on (\\S+)", "reason.unit.unknown"),
            new Known("(\\d+) \\((.+)\\) is not a commune-level unit.*", "reason.unit.level"),
            new Known("must be a Vietnamese mobile number.*", "reason.phone"),
            new Known("contains a line break.*|must be one line.*", "reason.oneLine"),
            // Officers' contacts (notification-service).
            new Known("must be an e-mail address", "reason.email"),
            new Known("list the unit codes the officer looks after.*", "reason.officerUnits"),
            new Known("must be a 5-digit unit code or \"\\*\"", "reason.officerUnit"),
            new Known("1 to 64 letters, digits, '.', '_' or '-'", "reason.officerId"),
            // Review surveys (the survey spreadsheet's cells, the answers' shape).
            new Known("is empty", "reason.sheet.empty"),
            new Known("'(.*)' is not a whole number", "reason.sheet.notWhole"),
            new Known("'(.*)' is not a mark.*", "reason.sheet.notMark"),
            new Known("must be at least (\\d+), was (\\d+)", "reason.sheet.atLeast"),
            new Known("must not be negative", "reason.negative"));

    /** More reasons another part of the portal knows: each service reason's pattern and its message key. */
    public interface Vocabulary {
        Map<String, String> reasons();
    }

    private final MessageSource messages;
    private final List<Known> known = new ArrayList<>(KNOWN);

    /** The registry's reasons only: for a test of one part of a form. */
    public Reasons(MessageSource messages) {
        this(messages, List.of());
    }

    @Autowired
    Reasons(MessageSource messages, ObjectProvider<Vocabulary> more) {
        this(messages, more.orderedStream().toList());
    }

    private Reasons(MessageSource messages, List<Vocabulary> more) {
        this.messages = messages;
        more.forEach(v -> v.reasons().forEach((regex, key) -> known.add(new Known(regex, key))));
    }

    /** {@code reason} in Vietnamese when the portal knows it; as the service wrote it otherwise. */
    public String translate(String reason) {
        if (reason == null || reason.isBlank()) {
            return text("reason.unknown");
        }
        for (Known k : known) {
            Matcher m = k.pattern().matcher(reason.strip());
            if (m.matches()) {
                Object[] args = IntStream.rangeClosed(1, m.groupCount()).mapToObj(m::group).map(Reasons::day)
                        .toArray();
                return messages.getMessage(k.key(), args, reason, VIETNAMESE);
            }
        }
        return reason;
    }

    /** A day the service wrote as 2026-10-01, as people read it (01/10/2026); any other value as it is. */
    private static String day(String value) {
        if (value != null && ISO_DAY.matcher(value).matches()) {
            try {
                return Forms.show(LocalDate.parse(value));
            } catch (DateTimeException notADay) {
                return value;
            }
        }
        return value;
    }

    /** A text of messages_vi.properties. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, VIETNAMESE);
    }
}
