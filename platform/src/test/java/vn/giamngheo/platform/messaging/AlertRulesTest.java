package vn.giamngheo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.giamngheo.platform.dependencies.DependencyProperties;
import vn.giamngheo.platform.dependencies.UntilAvailable;

/**
 * The alerting rules in {@code deploy/monitoring/alerts.yml} are well-formed and every metric they ask about is one
 * the platform exports under that name (a renamed counter would silently never alert).
 */
class AlertRulesTest {

    private static final Pattern METRIC = Pattern.compile("\\b(giamngheo_[a-z_]+)\\b");

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleHasANameAnExpressionAndASeverityAndAsksAboutMetricsThePlatformExports() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(Path.of("../deploy/monitoring/alerts.yml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            assertThat(group.get("name")).isInstanceOf(String.class);
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        assertThat(rules).isNotEmpty();

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EventMetrics metrics = new EventMetrics(registry);
        metrics.deadLettered("vn.giamngheo.household.registered.v1");
        int[] attempts = {0};
        new UntilAvailable(new DependencyProperties.Backoff(Duration.ofMillis(1), Duration.ofMillis(1)), registry)
                .call("a probe", () -> {
                    if (attempts[0]++ == 0) {
                        throw new com.mongodb.MongoTimeoutException("Timed out while waiting for a server");
                    }
                    return 1;
                });
        String exported = registry.scrape();

        for (Map<String, Object> rule : rules) {
            assertThat(rule.get("alert")).as("a rule's name").isInstanceOf(String.class);
            String expr = (String) rule.get("expr");
            assertThat(expr).as(rule.get("alert") + "'s expression").isNotBlank();
            assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).as(rule.get("alert") + "'s severity")
                    .isIn("warning", "critical");
            Matcher m = METRIC.matcher(expr);
            assertThat(m.find()).as(rule.get("alert") + " asks about a platform metric").isTrue();
            do {
                assertThat(exported).as(rule.get("alert") + " asks about " + m.group(1)).contains(m.group(1) + "{");
            } while (m.find());
        }
    }
}
