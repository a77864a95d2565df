package vn.giamngheo.reporting.statistics;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.reporting.signals.InputsChanged;

/** Area statistics from the statistics office: JSON rows or the office's CSV. All rows or none are stored. */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsController {

    private final AreaStatistics statistics;

    private final InputsChanged live;

    StatisticsController(AreaStatistics statistics, InputsChanged live) {
        this.live = live;
        this.statistics = statistics;
    }

    @GetMapping
    List<AreaStatistics.Row> list(@RequestParam(required = false) Integer year) {
        return statistics.list(year);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> storeJson(@RequestBody List<AreaStatistics.Row> rows) {
        List<String> where = java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> "[" + i + "].").toList();
        int stored = statistics.store(rows, where).size();
        live.signal();
        return Map.of("stored", stored);
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> storeCsv(@RequestBody String csv) {
        return store(csv);
    }

    /** The same columns on the first sheet of an Excel workbook; a problem's line is the sheet's row. */
    @PostMapping(consumes = StatisticsXlsx.MEDIA_TYPE)
    Map<String, Object> storeXlsx(@RequestBody byte[] xlsx) {
        return store(StatisticsXlsx.toCsv(xlsx));
    }

    private Map<String, Object> store(String csv) {
        StatisticsCsv.Parsed parsed = StatisticsCsv.parse(csv);
        int stored = statistics.store(parsed.rows(), parsed.where(), parsed.problems()).size();
        live.signal();
        return Map.of("stored", stored);
    }
}
