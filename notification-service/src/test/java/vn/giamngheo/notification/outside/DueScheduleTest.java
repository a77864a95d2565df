package vn.giamngheo.notification.outside;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueScheduleTest {

    private static final Instant T = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void itemsComeOutEarliestFirstOnceTheirTimeHasComeAndOnlyOnce() {
        DueSchedule schedule = new DueSchedule(Duration.ofSeconds(10));
        schedule.at("late", T.plusSeconds(30));
        schedule.at("b", T.plusSeconds(2));
        schedule.at("a", T.plusSeconds(1));

        assertThat(schedule.take(T, 10)).isEmpty();
        assertThat(schedule.take(T.plusSeconds(5), 1)).containsExactly("a");
        assertThat(schedule.take(T.plusSeconds(5), 10)).containsExactly("b");
        assertThat(schedule.take(T.plusSeconds(5), 10)).isEmpty();
        assertThat(schedule.size()).isEqualTo(1);
        assertThat(schedule.take(T.plusSeconds(30), 10)).containsExactly("late");
    }

    @Test
    void aNewTimeReplacesTheOldOne() {
        DueSchedule schedule = new DueSchedule(Duration.ofSeconds(10));
        schedule.at("retry", T);
        schedule.at("retry", T.plusSeconds(60));

        assertThat(schedule.take(T.plusSeconds(1), 10)).isEmpty();
        assertThat(schedule.size()).isEqualTo(1);
        assertThat(schedule.take(T.plusSeconds(60), 10)).containsExactly("retry");
    }

    @Test
    void theStoreIsSweptOnTheFirstCallThenOncePerInterval() {
        DueSchedule schedule = new DueSchedule(Duration.ofSeconds(10));

        assertThat(schedule.sweepDue(T)).isTrue();
        assertThat(schedule.sweepDue(T.plusSeconds(9))).isFalse();
        assertThat(schedule.sweepDue(T.plusSeconds(10))).isTrue();
        assertThat(schedule.sweepDue(T.plusSeconds(11))).isFalse();
    }
}
