package vn.giamngheo.portal.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The small rules every registry form shares, also used by the templates as {@code ${@forms...}}: the HTML id of a
 * posted field, and dates as people type them (dd/MM/yyyy).
 */
@Component("forms")
public class Forms {

    /** Strict: 31/02/2020 is not a date, rather than 29/02/2020 silently. */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** {@code members[1].dateOfBirth} → {@code members-1-dateOfBirth}: an id a fragment link and CSS can name. */
    public static String id(String field) {
        return field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    /** The same, for templates. */
    public String idOf(String field) {
        return id(field);
    }

    /** For the error summary: the member row (1-based) a field of the register form belongs to; null otherwise. */
    public Integer memberRow(String field) {
        RegistryCalls.Indexed indexed = RegistryCalls.Indexed.of(field);
        return indexed != null && indexed.list().equals("members") && indexed.rest() != null
                ? indexed.index() + 1 : null;
    }

    /** The last part of a field's name: {@code members[1].dateOfBirth} → dateOfBirth. */
    public String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    /** A date typed as 7/12/2026 or 07/12/2026 (also 07-12-2026, 07.12.2026); null when blank or not a real day. */
    public static LocalDate parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip().replace('-', '/').replace('.', '/'), TYPED);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public static String show(LocalDate date) {
        return date == null ? "" : SHOWN.format(date);
    }

    /** Checks a date field: an error when it is required and blank, or typed but not a real day. */
    public static LocalDate date(String field, String typed, boolean required, FormErrors errors, Reasons reasons) {
        if (blank(typed)) {
            if (required) {
                errors.add(field, reasons.text("form.error.dateRequired"));
            }
            return null;
        }
        LocalDate date = parse(typed);
        if (date == null) {
            errors.add(field, reasons.text("form.error.date", typed.strip()));
        }
        return date;
    }

    /** A .xlsx by its name (browsers send varied types for it, and household-service checks the content). */
    public static boolean xlsx(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** The trimmed text, or null when blank (the services read null as "not given"). */
    public static String text(String typed) {
        return blank(typed) ? null : typed.strip();
    }
}
