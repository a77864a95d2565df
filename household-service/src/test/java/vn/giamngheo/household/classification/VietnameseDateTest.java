package vn.giamngheo.household.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The classifier writes dates by hand for speed; they must read exactly as the dd/MM/yyyy formatter writes them. */
class VietnameseDateTest {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void everyDateReadsAsTheFormatterWritesIt() {
        for (LocalDate date = LocalDate.of(2021, 12, 25); date.isBefore(LocalDate.of(2031, 1, 10));
                date = date.plusDays(1)) {
            assertThat(Classifier.vnDate(date)).isEqualTo(VN_DATE.format(date));
        }
        Random random = new Random(99);
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000));
            assertThat(Classifier.vnDate(date)).as("%s", date).isEqualTo(VN_DATE.format(date));
        }
        for (LocalDate edge : new LocalDate[] {LocalDate.of(999, 12, 31), LocalDate.of(1000, 1, 1),
            LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1)}) {
            assertThat(Classifier.vnDate(edge)).isEqualTo(VN_DATE.format(edge));
        }
    }
}
