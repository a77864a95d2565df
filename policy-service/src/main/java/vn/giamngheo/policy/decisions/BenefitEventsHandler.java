package vn.giamngheo.policy.decisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.eligibility.EligibilityView;
import vn.giamngheo.policy.eligibility.EligibilityViews;

/**
 * {@code benefit.events} a poll at a time: what a household receives from any department — this instance's or
 * another's — is a fact for rules that read it (the social pensioner's premium paid in full, the electricity support of
 * a household on social assistance). Only the policies this instance's rules read are kept; each receipt is followed by
 * reconciling the household from the day it took effect — also on a duplicate, so that if a crash came between the
 * view and the decisions, the redelivery finishes the work. Read, worked through and written as
 * {@link HouseholdEventsHandler} does.
 */
@Component
class BenefitEventsHandler implements BatchHandler {

    private final EligibilityViews views;
    private final AutomaticDecisions decisions;
    private final Set<String> read;

    BenefitEventsHandler(EligibilityViews views, AutomaticDecisions decisions, PolicyCatalog catalog) {
        this.views = views;
        this.decisions = decisions;
        this.read = catalog.receiptsRead();
    }

    /** What one event tells: a receipt of the household, from a day. */
    private record Receipt(String householdId, LocalDate from,
            java.util.function.Function<EligibilityView, Optional<EligibilityViews.ReceiptChange>> change) {
    }

    @Override
    public List<Outcome> handle(List<EventEnvelope<?>> events) {
        Outcome[] outcomes = new Outcome[events.size()];
        Map<Integer, Receipt> receipts = new LinkedHashMap<>();
        Map<String, List<Integer>> byHousehold = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Receipt receipt = receipt(events.get(i));
            if (receipt == null) {
                outcomes[i] = Outcome.IGNORED;
                continue;
            }
            receipts.put(i, receipt);
            byHousehold.computeIfAbsent(receipt.householdId(), h -> new ArrayList<>()).add(i);
        }
        if (byHousehold.isEmpty()) {
            return List.of(outcomes);
        }
        return decisions.locked(byHousehold.keySet(), () -> {
            Map<String, List<EligibilityViews.ReceiptChange>> writes = new HashMap<>();
            Map<String, HouseholdDecisions> done = decisions.decide(byHousehold.keySet(), byHousehold.keySet(),
                    household -> {
                        List<EligibilityViews.ReceiptChange> mine = new ArrayList<>();
                        for (int i : byHousehold.get(household.householdId())) {
                            Receipt receipt = receipts.get(i);
                            Optional<EligibilityViews.ReceiptChange> change = receipt.change().apply(household.view);
                            outcomes[i] = change.isPresent() ? Outcome.APPLIED : Outcome.DUPLICATE;
                            change.ifPresent(c -> {
                                household.view = c.after();
                                mine.add(c);
                            });
                            decisions.receiptsChanged(household, receipt.from());
                        }
                        writes.put(household.householdId(), mine);
                    });
            List<EligibilityViews.ReceiptChange> all = new ArrayList<>();
            byHousehold.keySet().forEach(h -> all.addAll(writes.get(h)));
            views.writeReceipts(all);
            decisions.mark(done.values());
            return List.of(outcomes);
        });
    }

    /** The receipt an event tells, or null when this instance's rules do not read its policy. */
    private Receipt receipt(EventEnvelope<?> event) {
        return switch (event.data()) {
            case BenefitGranted g when read.contains(g.policyCode()) -> new Receipt(g.householdId(), g.validFrom(),
                    view -> EligibilityViews.receiptGranted(view, g.householdId(), g.decisionId(), g.policyCode(),
                            g.personId(), g.validFrom(), g.validTo()));
            case BenefitRevoked r when read.contains(r.policyCode()) -> new Receipt(r.householdId(),
                    r.effectiveDate(), view -> EligibilityViews.receiptRevoked(view, r.householdId(), r.decisionId(),
                            r.policyCode(), r.personId(), r.effectiveDate()));
            default -> null;
        };
    }

    /** Inbound flow {@code benefitEvents-in-0} ← {@code benefit.events}. */
    @Configuration(proxyBeanMethods = false)
    static class Binding {

        @Bean
        BatchEventDispatcher benefitEvents(BenefitEventsHandler handler, EventMetrics metrics) {
            return BatchEventDispatcher.builder(metrics)
                    .on(EventTypes.BENEFIT_GRANTED, EventTypes.BENEFIT_REVOKED)
                    .handledBy(handler);
        }
    }
}
