package vn.giamngheo.local;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.giamngheo.local.Population.Home;

/**
 * What the demo city and the benchmark do through household-service's API: households imported from an earlier
 * register, 500 a call; and a review round as a ward runs it — opened, every household surveyed, one meeting per
 * village (so no request carries a whole ward's votes), the public posting, then the chairman's decision.
 */
public final class HouseholdFlows {

    /** The dates of a round. */
    public record Dates(LocalDate reference, LocalDate meeting, LocalDate posting, LocalDate decision,
            LocalDate effective) {
    }

    private static final Pattern IMPORTED = Pattern.compile("\\{\"index\":(\\d+),\"id\":(null|\"[^\"]+\")[^}]*}");

    private final Api api;
    private final String base;
    private final ExecutorService pool;

    public HouseholdFlows(Api api, String base, ExecutorService pool) {
        this.api = api;
        this.base = base;
        this.pool = pool;
    }

    /** Registers the households through the import API, 500 a call, {@code clients} calls at once; sets their ids. */
    public void importAll(List<Home> homes, LocalDate registeredOn, int clients) throws Exception {
        ExecutorService importers = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> imports = new ArrayList<>();
            for (int from = 0; from < homes.size(); from += 500) {
                List<Home> batch = homes.subList(from, Math.min(homes.size(), from + 500));
                imports.add(importers.submit(() -> {
                    importBatch(batch, registeredOn);
                    return null;
                }));
            }
            for (Future<?> f : imports) {
                f.get();
            }
        } finally {
            importers.shutdownNow();
        }
    }

    private void importBatch(List<Home> batch, LocalDate registeredOn) {
        StringBuilder json = new StringBuilder("{\"households\":[");
        for (int i = 0; i < batch.size(); i++) {
            json.append(i == 0 ? "" : ",").append(batch.get(i).registrationJson(registeredOn));
        }
        List<String> ids = new ArrayList<>();
        Matcher m = IMPORTED.matcher(api.post(base + "/api/v1/households/import", json.append("]}").toString()));
        while (m.find()) {
            if (m.group(2).equals("null")) {
                throw new IllegalStateException("household " + batch.get(Integer.parseInt(m.group(1))).index
                        + " was not registered: " + m.group());
            }
            ids.add(m.group(2).replace("\"", ""));
        }
        if (ids.size() != batch.size()) {
            throw new IllegalStateException("the import answered " + ids.size() + " of " + batch.size() + " households");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).id = ids.get(i);
        }
    }

    /** Opens the round, surveys its households, holds the meetings and starts the posting; returns the round id. */
    public String prepare(String unitCode, String kind, Dates dates, List<Home> homes, Random votes) throws Exception {
        String round = Api.id(api.post(base + "/api/v1/review-rounds", "{\"unitCode\":\"" + unitCode
                + "\",\"kind\":\"" + kind + "\",\"referenceDate\":\"" + dates.reference()
                + "\",\"standard\":\"VN-MPS-2022-2025\"}"));
        parallel(homes, home -> api.post(base + "/api/v1/review-rounds/" + round + "/surveys", home.surveyJson()));
        Map<String, List<Home>> byVillage = new LinkedHashMap<>();
        homes.forEach(h -> byVillage.computeIfAbsent(h.unit.code() + h.village, v -> new ArrayList<>()).add(h));
        for (List<Home> village : byVillage.values()) {
            for (int from = 0; from < village.size(); from += 2_000) {
                StringBuilder json = new StringBuilder("{\"date\":\"").append(dates.meeting())
                        .append("\",\"participants\":30,\"votes\":[");
                for (int i = from; i < Math.min(village.size(), from + 2_000); i++) {
                    json.append(i == from ? "" : ",").append("{\"householdId\":\"").append(village.get(i).id)
                            .append("\",\"agreeing\":").append(20 + votes.nextInt(11)).append('}');
                }
                api.post(base + "/api/v1/review-rounds/" + round + "/village-meeting", json.append("]}").toString());
            }
        }
        api.post(base + "/api/v1/review-rounds/" + round + "/posting", "{\"startDate\":\"" + dates.posting() + "\"}");
        return round;
    }

    /** The chairman's decision on a posted round. */
    public void decide(String round, String number, Dates dates) {
        api.post(base + "/api/v1/review-rounds/" + round + "/decision", "{\"number\":\"" + number + "\",\"date\":\""
                + dates.decision() + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"effectiveDate\":\"" + dates.effective()
                + "\"}");
    }

    public interface Step {
        void run(Home home) throws Exception;
    }

    /** Runs a step for every household on the pool, and waits for all; the first failure is thrown. */
    public void parallel(List<Home> homes, Step step) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (Home home : homes) {
            futures.add(pool.submit(() -> {
                step.run(home);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }
}
