package vn.giamngheo.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VietnameseFormatsTest {

    private final VietnameseFormats vi = new VietnameseFormats();

    @Test
    void datesAreDayMonthYear() {
        assertThat(vi.date(LocalDate.of(2026, 12, 7))).isEqualTo("07/12/2026");
        assertThat(vi.date("2025-07-01")).isEqualTo("01/07/2025");
        assertThat(vi.date((LocalDate) null)).isEmpty();
        assertThat(vi.date("not a date")).isEqualTo("not a date");
    }

    @Test
    void timesAreInVietnamWhateverTheServersZone() {
        assertThat(vi.dateTime(Instant.parse("2026-12-07T17:30:00Z"))).isEqualTo("00:30 08/12/2026");
    }

    @Test
    void thousandsAreSeparatedByDots() {
        assertThat(vi.number(0)).isEqualTo("0");
        assertThat(vi.number(999)).isEqualTo("999");
        assertThat(vi.number(1000)).isEqualTo("1.000");
        assertThat(vi.number(1_234_567)).isEqualTo("1.234.567");
        assertThat(vi.number(-1234)).isEqualTo("-1.234");
        assertThat(vi.number(1_005_262L)).isEqualTo("1.005.262");
        assertThat(vi.money(2_340_000L)).isEqualTo("2.340.000 đ");
        assertThat(vi.number(null)).isEmpty();
    }

    @Test
    void foldingRemovesTonesAndMarksAndReadsDAsD() {
        assertThat(VietnameseFormats.fold("Nguyễn Văn Đức")).isEqualTo("nguyen van duc");
        assertThat(VietnameseFormats.fold("Phường Vĩnh Phúc")).isEqualTo("phuong vinh phuc");
        assertThat(VietnameseFormats.fold("ĐẶNG THỊ HƯƠNG")).isEqualTo("dang thi huong");
    }
}
