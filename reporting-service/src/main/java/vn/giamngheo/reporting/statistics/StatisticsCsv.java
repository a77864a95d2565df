package vn.giamngheo.reporting.statistics;

import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/**
 * Reads the statistics office's CSV: a header naming the columns {@code year,unitCode,households,population} and
 * optionally {@code officers}, in any order, then one row per unit and year. Comma separated, a cell may be quoted
 * ({@code "1.200"}, a quote inside doubled) and a quoted cell ends on its own line; a UTF-8 byte-order mark is
 * ignored. Every problem is reported with its line, and a file with any problem is stored not at all.
 * <p>
 * A file separated by semicolons (Excel in a Vietnamese or European locale) is refused, naming the separator, rather
 * than guessed at: that locale also writes decimal commas and thousands dots, so guessing the separator would mean
 * guessing at the numbers too.
 */
final class StatisticsCsv {

    /** The rows that could be read, where each came from, and the problems of those that could not. */
    record Parsed(List<AreaStatistics.Row> rows, List<String> where, List<FieldProblem> problems) {
    }

    /** A line's cells, or why they cannot be read (then {@code cells} is null). */
    private record Line(List<String> cells, String problem) {
    }

    private static final List<String> REQUIRED = List.of("year", "unitCode", "households", "population");

    private StatisticsCsv() {
    }

    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("file", "is empty; expected a header line year,unitCode,households,population");
        }
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        Line first = cells(lines[0]);
        if (first.cells() == null) {
            throw ApiException.invalid("line 1", first.problem().startsWith("uses ';'")
                    ? "expected the columns " + String.join(",", REQUIRED) + " separated by commas; this line uses ';' "
                            + "(save the sheet as \"CSV UTF-8 (comma delimited)\")"
                    : first.problem());
        }
        List<String> header = first.cells();
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
            Line line = cells(lines[i]);
            if (line.cells() == null) {
                problems.add(new FieldProblem("line " + (i + 1), line.problem().startsWith("uses ';'")
                        ? "cells must be separated by commas; this line uses ';'" : line.problem()));
                continue;
            }
            List<String> cells = line.cells();
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

    /** Splits a line at its commas (RFC 4180 quoting, within the line); columns in problems count from 1. */
    private static Line cells(String line) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            StringBuilder cell = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                int opened = i++;
                while (true) {
                    if (i >= line.length()) {
                        return new Line(null, "unterminated quote: the quote opened in column " + (opened + 1)
                                + " is not closed on this line");
                    }
                    char c = line.charAt(i++);
                    if (c == '"' && i < line.length() && line.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        break;
                    } else {
                        cell.append(c);
                    }
                }
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    return new Line(null, line.charAt(i) == ';' ? "uses ';'" : "text after the closing quote "
                            + "(column " + (i + 1) + "): a quoted cell must end at a comma or the end of the line");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i);
                    if (c == ';') {
                        return new Line(null, "uses ';'");
                    }
                    if (c == '"') {
                        return new Line(null, "a quote inside an unquoted cell (column " + (i + 1) + "): a cell that "
                                + "holds a quote must be quoted whole, the quote doubled");
                    }
                    cell.append(c);
                    i++;
                }
            }
            cells.add(cell.toString().strip());
            if (i >= line.length()) {
                return new Line(cells, null);
            }
            i++; // the comma
        }
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
