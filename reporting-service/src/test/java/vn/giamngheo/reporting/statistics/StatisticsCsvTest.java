package vn.giamngheo.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/** The statistics office's CSV: what is read, and files refused whole with the line and the problem named. */
class StatisticsCsvTest {

    private static ApiException refused(String csv) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> {
            StatisticsCsv.Parsed parsed = StatisticsCsv.parse(csv);
            if (!parsed.problems().isEmpty()) {
                throw ApiException.invalid(parsed.problems());
            }
        });
        assertThat(refused).as("refused: %s", csv).isNotNull();
        assertThat(refused.status().value()).isEqualTo(400);
        return refused;
    }

    @Test
    void commaSeparatedRowsWithQuotedCellsAndAByteOrderMarkAreRead() {
        StatisticsCsv.Parsed parsed = StatisticsCsv.parse("\uFEFFyear,unitCode,households,\"population\",officers\r\n"
                + "2022,\"08710\",\"1.200\",4100,\n"
                + "\n"
                + "2022,08707,100,350,2\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).containsExactly(new AreaStatistics.Row("08710", 2022, 1200, 4100, null),
                new AreaStatistics.Row("08707", 2022, 100, 350, 2L));
        assertThat(parsed.where()).containsExactly("line 2: ", "line 4: ");
    }

    @Test
    void anUnterminatedQuoteIsRefusedNamingItsLine() {
        ApiException refused = refused("""
                year,unitCode,households,population
                2022,08710,999,3000
                2022,"08713,25,90
                2022,08707,100,350
                """);
        assertThat(refused.problems()).contains(new FieldProblem("line 3", "unterminated quote: the quote opened in "
                + "column 6 is not closed on this line"));
    }

    @Test
    void anUnterminatedQuoteInTheHeaderIsRefused() {
        assertThat(refused("year,\"unitCode,households,population\n2022,08710,999,3000\n").problems())
                .extracting(FieldProblem::field).containsExactly("line 1");
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsRefused() {
        assertThat(refused("year,unitCode,households,population\n2022,08710,99\"9,3000\n").problems())
                .containsExactly(new FieldProblem("line 2", "a quote inside an unquoted cell (column 14): a cell "
                        + "that holds a quote must be quoted whole, the quote doubled"));
    }

    @Test
    void aSemicolonSeparatedFileIsRefusedNamingTheSeparator() {
        ApiException refused = refused("year;unitCode;households;population\n2022;08710;999;3000\n");
        assertThat(refused.problems()).containsExactly(new FieldProblem("line 1", "expected the columns "
                + "year,unitCode,households,population separated by commas; this line uses ';' (save the sheet as "
                + "\"CSV UTF-8 (comma delimited)\")"));
    }

    @Test
    void aRowSeparatedBySemicolonsInACommaFileIsRefusedNamingTheSeparator() {
        ApiException refused = refused("year,unitCode,households,population\n2022,08710,999,3000\n2022;08713;25;90\n");
        assertThat(refused.problems()).containsExactly(new FieldProblem("line 3", "cells must be separated by commas; "
                + "this line uses ';'"));
    }

    @Test
    void aSemicolonInsideAQuotedCellIsText() {
        assertThat(refused("year,unitCode,households,population\n2022,\"08;710\",999,3000\n").problems())
                .containsExactly(new FieldProblem("line 2: unitCode", "must be 2 to 5 digits; was '08;710'"));
    }
}
