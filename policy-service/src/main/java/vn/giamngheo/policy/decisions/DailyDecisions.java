package vn.giamngheo.policy.decisions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.dependencies.UntilAvailable;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.eligibility.EligibilityViews;

/**
 * The daily job: every household with a day that matters on or before today (a birthday that changes what a member
 * receives, the newly-escaped window closing, a policy version or amount starting or ending) gets its decisions
 * brought in line on that very day. Runs after midnight in the platform's time zone and once at start-up, so days
 * missed while the service was down are caught up with their own dates. Running it twice changes nothing, so a run
 * that meets an unavailable database waits and runs again rather than leaving the day to the next night.
 */
@Component
public class DailyDecisions {

    private static final Logger log = LoggerFactory.getLogger(DailyDecisions.class);

    /**
     * @param households how many households had a day that matters; {@code days} how many days were reconciled
     * @param givenBack  decisions granted from a past day because the policy files changed since the last run
     */
    public record Run(LocalDate until, int households, int days, int givenBack) {
    }

    private final EligibilityViews views;
    private final AutomaticDecisions decisions;
    private final Clock clock;
    private final UntilAvailable untilAvailable;

    private final PolicyCatalog catalog;
    /** The fingerprint of the policy files every household was last looked at under. */
    private final AggregateCollection<ReconciledUnder> reconciledUnder;

    /** The policy files every household was last looked at under, and on which day. */
    record ReconciledUnder(String id, String fingerprint, LocalDate on, long version) {
    }

    /**
     * The record's id. (The record of before it had a version, {@code households}, is not read: the first run after the
     * upgrade looks at every household once more, which changes nothing.)
     */
    private static final String HOUSEHOLDS = "households-reconciled";
    private static final Codec<ReconciledUnder> RECONCILED_UNDER = Codec.of(ReconciledUnder::id,
            r -> new Document("_id", r.id()).append("fingerprint", r.fingerprint()).append("on", r.on().toString())
                    .append("version", r.version()),
            d -> new ReconciledUnder(d.getString("_id"), d.getString("fingerprint"), LocalDate.parse(d.getString("on")),
                    d.getLong("version")));

    DailyDecisions(EligibilityViews views, AutomaticDecisions decisions, PolicyCatalog catalog, Aggregates aggregates,
            Clock clock, UntilAvailable untilAvailable) {
        this.catalog = catalog;
        this.reconciledUnder = aggregates.withoutOutbox("policy_catalog", RECONCILED_UNDER);
        this.views = views;
        this.decisions = decisions;
        this.clock = clock;
        this.untilAvailable = untilAvailable;
    }

    @Scheduled(cron = "${policy.daily-run.cron}", zone = "${giamngheo.time-zone}")
    void nightly() {
        untilAvailable.call("The daily decisions", () -> run(LocalDate.now(clock)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        Thread.ofVirtual().name("daily-decisions-startup").start(() -> {
            try {
                untilAvailable.call("Catching up the daily decisions at start-up", () -> run(LocalDate.now(clock)));
            } catch (RuntimeException e) {
                log.error("Catching up the days that matter at start-up failed; the nightly run will retry", e);
            }
        });
    }

    public Run run(LocalDate until) {
        List<String> due = views.dueOn(until);
        int days = decisions.catchUpAll(due, until);
        if (!due.isEmpty()) {
            log.info("Daily decisions up to {}: {} households, {} days reconciled", until, due.size(), days);
        }
        return new Run(until, due.size(), days, afterCatalogChange(until));
    }

    /**
     * Once after the policy files changed (a corrected file, a new version, an administrator's resolution): every
     * household is looked at again, so that what the files now give is given, from the day it should have started.
     */
    private int afterCatalogChange(LocalDate until) {
        String fingerprint = catalog.fingerprint();
        ReconciledUnder last = reconciledUnder.find(HOUSEHOLDS).orElse(null);
        if (last != null && fingerprint.equals(last.fingerprint())) {
            return 0;
        }
        List<String> households = views.allIds();
        int givenBack = decisions.catalogChangedAll(households, until);
        // Two runs at once (the start-up catch-up and the night) both looked again; either's record will do.
        reconciledUnder.apply(last == null ? Change.create(new ReconciledUnder(HOUSEHOLDS, fingerprint, until, 1))
                : Change.update(last.version(), new ReconciledUnder(HOUSEHOLDS, fingerprint, until,
                        last.version() + 1)));
        log.info("The policy files changed: {} households looked at again, {} decisions given back from earlier days",
                households.size(), givenBack);
        return givenBack;
    }
}
