package vn.giamngheo.platform.units;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code units/phu-tho-2025.json} from the NSO conversion table (one row per old → new edge,
 * {@code phu-tho-2025-mapping-long.csv}, as in {@code ../shared/domain/phu-tho-2025/}) and the first days of the
 * predecessors that changed between 2021 and 2025 ({@code unit-first-days.csv}). Plain JDK, so that it runs without a
 * build:
 * <pre>java platform/src/test/java/vn/giamngheo/platform/units/PhuThoUnitFile.java \
 *     platform/src/test/resources/units/phu-tho-2025 platform/src/main/resources/units/phu-tho-2025.json</pre>
 * {@code PhuThoUnitFileTest} checks that the shipped file is exactly what this writes, so the data never drifts from
 * its sources. The former city of Vĩnh Yên (district 243 and its units) is left out: {@code vinh-yen.json} keeps its
 * hand-checked history (Định Trung's change of type in 2023), and the test checks that it agrees with the table.
 */
public final class PhuThoUnitFile {

    /** The district whose units {@code vinh-yen.json} holds. */
    static final String VINH_YEN = "243";
    static final String FIRST_DAY = "2021-01-01";
    static final String LAST_OLD_DAY = "2025-06-30";
    static final String FIRST_NEW_DAY = "2025-07-01";
    static final String PROVINCE = "25";

    /** One old → new edge of the conversion table. */
    record Edge(String newCode, String newName, String newType, String oldCode, String oldName, String oldType,
            String districtCode, String district, String provinceCode, String province, String mergeKind) {
    }

    /** A predecessor whose version in the table started after 2021-01-01, and what it was before (if kept). */
    record FirstDay(String code, String validFrom, String earlierName, String earlierType) {
    }

    private PhuThoUnitFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PhuThoUnitFile <folder with the CSVs> <unit file to write>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), generate(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    static List<Edge> edges(Path folder) throws IOException {
        List<Edge> edges = new ArrayList<>();
        for (String[] f : rows(folder.resolve("phu-tho-2025-mapping-long.csv"), 11)) {
            edges.add(new Edge(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]));
        }
        return edges;
    }

    static String generate(Path folder) throws IOException {
        List<Edge> edges = edges(folder);
        Map<String, FirstDay> firstDays = new TreeMap<>();
        for (String[] f : rows(folder.resolve("unit-first-days.csv"), 5)) {
            firstDays.put(f[0], new FirstDay(f[0], f[1], f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3]));
        }
        Map<String, String> provinces = new TreeMap<>();
        Map<String, Edge> districts = new TreeMap<>();
        Map<String, Map<String, Integer>> districtSpellings = new TreeMap<>();
        Map<String, Edge> predecessors = new TreeMap<>();
        Map<String, TreeSet<String>> successors = new TreeMap<>();
        Map<String, Edge> communes = new TreeMap<>();
        for (Edge e : edges) {
            provinces.put(e.provinceCode(), e.province());
            districts.putIfAbsent(e.districtCode(), e);
            districtSpellings.computeIfAbsent(e.districtCode(), c -> new TreeMap<>()).merge(e.district(), 1,
                    Integer::sum);
            predecessors.putIfAbsent(e.oldCode(), e);
            successors.computeIfAbsent(e.oldCode(), c -> new TreeSet<>()).add(e.newCode());
            communes.putIfAbsent(e.newCode(), e);
        }
        List<String> provinceLines = new ArrayList<>();
        provinces.forEach((code, name) -> provinceLines.add(unit(code, name, "TINH", null, FIRST_DAY, LAST_OLD_DAY,
                List.of(PROVINCE))));
        List<String> districtLines = new ArrayList<>();
        districts.values().stream().filter(d -> !d.districtCode().equals(VINH_YEN)).forEach(d -> districtLines.add(
                unit(d.districtCode(), usual(districtSpellings.get(d.districtCode())),
                        districtType(d.district()), d.provinceCode(), FIRST_DAY, LAST_OLD_DAY, List.of())));
        List<String> predecessorLines = new ArrayList<>();
        for (Edge p : predecessors.values()) {
            if (p.districtCode().equals(VINH_YEN)) {
                continue;
            }
            FirstDay first = firstDays.get(p.oldCode());
            String from = first == null ? FIRST_DAY : first.validFrom();
            if (first != null && first.earlierName() != null) {
                predecessorLines.add(unit(p.oldCode(), first.earlierName(), first.earlierType(), p.districtCode(),
                        FIRST_DAY, LocalDate.parse(from).minusDays(1).toString(), List.of(p.oldCode())));
            }
            predecessorLines.add(unit(p.oldCode(), p.oldName(), communeType(p.oldType()), p.districtCode(), from,
                    LAST_OLD_DAY, List.copyOf(successors.get(p.oldCode()))));
        }
        List<String> newLines = new ArrayList<>();
        newLines.add(unit(PROVINCE, "Tỉnh Phú Thọ", "TINH", null, FIRST_NEW_DAY, null, List.of()));
        for (Edge c : communes.values()) {
            newLines.add(unit(c.newCode(), c.newName(), communeType(c.newType()), PROVINCE, FIRST_NEW_DAY, null,
                    List.of()));
        }
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"source\": ").append(quote(SOURCE)).append(",\n");
        json.append("  \"note\": ").append(quote(NOTE)).append(",\n");
        json.append("  \"units\": [\n    ");
        json.append(String.join(",\n\n    ", List.of(provinceLines, districtLines, predecessorLines, newLines).stream()
                .map(group -> String.join(",\n    ", group)).toList()));
        return json.append("\n  ]\n}\n").toString();
    }

    static final String SOURCE = "NSO conversion table (Bảng chuyển đổi ĐVHC mới–cũ, "
            + "https://danhmuchanhchinh.nso.gov.vn/TAPTIN/BangChuyendoi%C4%90VHCmoi_cu_final.xlsx; codes per "
            + "QĐ 19/2025/QĐ-TTg), mergers per Resolution 1676/NQ-UBTVQH15 of 2025-06-16, cross-checked with "
            + "sapnhap.bando.com.vn: ../shared/domain/phu-tho-2025/phu-tho-2025-mapping-long.csv. First days of units "
            + "changed 2021-2025: unit-first-days.csv (GSO register via daohoangson/dvhcvn tags; Resolution "
            + "730/NQ-UBTVQH15). Generated by PhuThoUnitFile (platform test sources); do not edit by hand.";

    static final String NOTE = "Phú Thọ (25) from 2025-07-01: 148 commune-level units (133 xã, 15 phường) and no "
            + "district level; before, the 479 units of the former Phú Thọ (25), Vĩnh Phúc (26) and Hòa Bình (17) "
            + "under their districts, with the units each went to. The former city of Vĩnh Yên (243) and its nine "
            + "units are in vinh-yen.json. Versions start on 2021-01-01, the first date the platform keeps, or on the "
            + "day the unit took its 2025 form; the units merged into others on 2025-01-01 (Đoan Hùng, Cẩm Khê, "
            + "Phúc Yên, Lập Thạch, Tam Dương, Vĩnh Tường) are not listed. Codes are re-used: 04891 was Xã Vầy Nưa "
            + "until 2025-06-30 and is Xã Tiền Phong from 2025-07-01. Three units were split between two successors "
            + "(Vầy Nưa 04891, Cao Sơn 04957, Đồng Tân 05221); the sources do not say which villages went where, so "
            + "a household registered there before 2025-07-01 needs its successor recorded. Names are spelled as in "
            + "the NSO table (Hoà/Hòa, Thuỷ/Thủy vary between sources).";

    private static String unit(String code, String name, String type, String parent, String from, String to,
            List<String> successors) {
        StringBuilder s = new StringBuilder("{ \"code\": ").append(quote(code)).append(", \"name\": ")
                .append(quote(name)).append(", \"type\": ").append(quote(type)).append(", \"parentCode\": ")
                .append(parent == null ? "null" : quote(parent)).append(", \"validFrom\": ").append(quote(from))
                .append(", \"validTo\": ").append(to == null ? "null" : quote(to)).append(", \"successors\": [");
        for (int i = 0; i < successors.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(quote(successors.get(i)));
        }
        return s.append("] }").toString();
    }

    /** The table spells a few names two ways (Thị xã / Thị Xã Phú Thọ): the more frequent wins. */
    private static String usual(Map<String, Integer> spellings) {
        return spellings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    static String districtType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("thành phố ")) {
            return "THANH_PHO_TRUC_THUOC_TINH";
        }
        if (lower.startsWith("thị xã ")) {
            return "THI_XA";
        }
        if (lower.startsWith("huyện ")) {
            return "HUYEN";
        }
        throw new IllegalArgumentException("unknown kind of district: " + name);
    }

    static String communeType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "xã" -> "XA";
            case "phường" -> "PHUONG";
            case "thị trấn" -> "THI_TRAN";
            default -> throw new IllegalArgumentException("unknown kind of commune-level unit: " + type);
        };
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /** The rows of a simple CSV (no quoted fields); the last column takes the rest of the line. */
    private static List<String[]> rows(Path file, int columns) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", columns);
            if (fields.length != columns || line.contains("\"")) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + columns
                        + " unquoted columns");
            }
            seen.merge(line, 1, Integer::sum);
            rows.add(fields);
        }
        seen.forEach((line, n) -> {
            if (n > 1) {
                throw new IllegalArgumentException(file + ": the row '" + line + "' appears " + n + " times");
            }
        });
        return rows;
    }
}
