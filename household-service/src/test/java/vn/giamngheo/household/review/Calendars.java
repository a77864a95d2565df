package vn.giamngheo.household.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;

/** The shipped holidays file, as the service loads it, and the shipped monthly-review settings. */
final class Calendars {

    static final WorkingCalendar SHIPPED = read();
    static final MonthlyCycle MONTHLY = new MonthlyCycle(15, 15, MonthlyCycle.DayCount.CALENDAR_DAYS);

    private Calendars() {
    }

    private static WorkingCalendar read() {
        try (InputStream in = new ClassPathResource("holidays/vn-public-holidays.yaml").getInputStream()) {
            return WorkingCalendar.read("vn-public-holidays.yaml", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
