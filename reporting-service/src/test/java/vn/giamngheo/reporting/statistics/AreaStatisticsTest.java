package vn.giamngheo.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.reporting.EmbeddedMongo;
import vn.giamngheo.reporting.areas.Areas;

class AreaStatisticsTest {

    private final Areas areas = new Areas(UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
            new ClassPathResource("units/vinh-yen.json"))));
    private final Clock clock = Clock.fixed(LocalDate.parse("2026-11-25").atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh"))
            .toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();
    private final AreaStatistics statistics = new AreaStatistics(mongo.aggregates(), mongo.database(), areas, clock);

    private static List<String> where(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "[" + i + "].").toList();
    }

    @Test
    void aWardsOwnRowAndTheCityAsTheSumOfItsWards() {
        List<AreaStatistics.Row> rows = new java.util.ArrayList<>();
        for (String code : List.of("08707", "08710", "08713", "08716", "08719", "08722", "08725", "08728")) {
            rows.add(new AreaStatistics.Row(code, 2022, 100, 350, 1L));
        }
        rows.add(new AreaStatistics.Row("08731", 2022, 20, 70, null));
        statistics.store(rows, where(rows.size()));
        LocalDate end = LocalDate.parse("2022-12-31");

        assertThat(statistics.denominator(areas.resolve("08710", end), 2022)).get()
                .extracting(AreaStatistics.Denominator::households).isEqualTo(100L);
        var city = statistics.denominator(areas.resolve("243", end), 2022).orElseThrow();
        assertThat(city.households()).isEqualTo(820);
        assertThat(city.officers()).as("one ward did not count its officers").isNull();
        // A later year without figures falls back to 2022 and says so.
        assertThat(statistics.denominator(areas.resolve("243", end), 2024).orElseThrow().year()).isEqualTo(2022);
        // Phường Vĩnh Phúc (2025) is made of five of those wards.
        assertThat(statistics.denominator(areas.resolve("08716@2025-07-01", end), 2022).orElseThrow().households())
                .isEqualTo(500);
    }

    @Test
    void anIncompleteTerritoryHasNoDenominator() {
        statistics.store(List.of(new AreaStatistics.Row("08710", 2022, 100, 350, null)), where(1));
        assertThat(statistics.denominator(areas.resolve("243", LocalDate.parse("2022-12-31")), 2022)).isEmpty();
    }

    @Test
    void aWrongRowStoresNothing() {
        assertThatThrownBy(() -> statistics.store(List.of(new AreaStatistics.Row("08710", 2022, 100, 350, null),
                new AreaStatistics.Row("08707", 2030, 100, 50, null)), where(2)))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).problems()).extracting(p -> p.field())
                        .containsExactly("[1].year", "[1].population"));
        assertThat(statistics.list(null)).isEmpty();
    }
}
