package vn.giamngheo.reporting.statistics;

import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/**
 * Reads the statistics office's CSV: a header naming the columns {@code year,unitCode,households,population} and
 * optionally {@code officers}, in any order, then one row per unit and year. Comma or semicolon separated (Excel in
 * Vietnamese locale writes semicolons); a UTF-8 byte-order mark is ignored. Every problem is reported with its line.
 */
final class StatisticsCsv {

    /** The rows that could be read, where each came from, and the problems of those that could not. */
    record Parsed(List<AreaStatistics.Row> rows, List<String> where, List<FieldProblem> problems) {
    }

    private static final List<String> REQUIRED = List.of("year", "unitCode", "households", "population");

    private StatisticsCsv() {
    }

    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("file", "is empty; expected a header line year,unitCode,households,population");
        }
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        char separator = lines[0].contains(";") ? ';' : ',';
        List<String> header = cells(lines[0], separator);
        List<FieldProblem> problems = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                problems.add(new FieldProblem("line 1", "the header lacks column '" + column + "' (found "
                        + String.join(", ", header) + ")"));
            }
        }
        for (String column : header) {
            if (!REQUIRED.contains(column) && !column.equals("officers")) {
                problems.add(new FieldProblem("line 1", "unknown column '" + column + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        List<AreaStatistics.Row> rows = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String at = "line " + (i + 1) + ": ";
            List<String> cells = cells(lines[i], separator);
            if (cells.size() != header.size()) {
                problems.add(new FieldProblem("line " + (i + 1), "has " + cells.size() + " cells; the header has "
                        + header.size()));
                continue;
            }
            Long year = number(cells.get(header.indexOf("year")), at + "year", problems);
            String unit = cells.get(header.indexOf("unitCode"));
            if (!unit.matches("\\d{2,5}")) {
                problems.add(new FieldProblem(at + "unitCode", "must be 2 to 5 digits; was '" + unit + "'"));
            }
            Long households = number(cells.get(header.indexOf("households")), at + "households", problems);
            Long population = number(cells.get(header.indexOf("population")), at + "population", problems);
            Long officers = header.contains("officers") && !cells.get(header.indexOf("officers")).isEmpty()
                    ? number(cells.get(header.indexOf("officers")), at + "officers", problems) : null;
            if (year != null && households != null && population != null && unit.matches("\\d{2,5}")) {
                rows.add(new AreaStatistics.Row(unit, year.intValue(), households, population, officers));
                where.add(at);
            }
        }
        return new Parsed(rows, where, problems);
    }

    private static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
            cells.add(cell.strip().replaceAll("^\"|\"$", ""));
        }
        return cells;
    }

    private static Long number(String value, String field, List<FieldProblem> problems) {
        String digits = value.replace(".", "").replace(" ", "");
        if (!digits.matches("-?\\d{1,12}")) {
            problems.add(new FieldProblem(field, "must be a whole number; was '" + value + "'"));
            return null;
        }
        return Long.parseLong(digits);
    }
}
