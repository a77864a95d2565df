package vn.giamngheo.portal.web;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates, times, numbers and money as Vietnamese readers write them: 07/12/2026, 14:05 07/12/2026, 1.234.567,
 * 1.234.567 đ. In templates as {@code ${@vi.date(...)}}.
 */
@Component("vi")
public class VietnameseFormats {

    /** Officers work in Vietnam's time, whatever the server's zone. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A day as the services send it (yyyy-MM-dd); anything else is shown as it came. */
    public String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        try {
            return date(LocalDate.parse(isoDate));
        } catch (RuntimeException notADate) {
            return isoDate;
        }
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(VIETNAM));
    }

    /** Whole numbers with "." between thousands: 1.234.567; negative as -1.234. */
    public String number(Number value) {
        if (value == null) {
            return "";
        }
        long n = value.longValue();
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + out;
    }

    /** An amount in đồng: 1.234.567 đ. */
    public String money(Number vnd) {
        return vnd == null ? "" : number(vnd) + " đ";
    }

    /**
     * Text folded for comparison the way people type Vietnamese without diacritics: lower case, tones and marks
     * removed, đ as d ("Nguyễn Văn Đức" → "nguyen van duc").
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd');
    }
}
