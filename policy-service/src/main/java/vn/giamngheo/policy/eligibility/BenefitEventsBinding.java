package vn.giamngheo.policy.eligibility;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.policy.catalog.PolicyCatalog;

/**
 * Inbound flow {@code benefitEvents-in-0} ← {@code benefit.events}: what a household receives from any department —
 * this instance's or another's — is a fact for rules that read it (the social pensioner's premium paid in full, the
 * electricity support of a household on social assistance). Only the policies this instance's rules read are kept;
 * each change is followed by reconciling the household from the day it took effect.
 */
@Configuration(proxyBeanMethods = false)
class BenefitEventsBinding {

    @Bean
    Consumer<Message<byte[]>> benefitEvents(EligibilityViews views, Reconciler decisions,
            PolicyCatalog catalog, EventMetrics metrics) {
        Set<String> read = catalog.receiptsRead();
        return EventDispatcher.builder(metrics)
                .on(EventTypes.BENEFIT_GRANTED, e -> {
                    BenefitGranted g = e.data();
                    if (!read.contains(g.policyCode())) {
                        return Outcome.IGNORED;
                    }
                    return thenDecide(views.receiptGranted(g.householdId(), g.decisionId(), g.policyCode(),
                            g.personId(), g.validFrom(), g.validTo()), g.householdId(), g.validFrom(), decisions);
                })
                .on(EventTypes.BENEFIT_REVOKED, e -> {
                    BenefitRevoked r = e.data();
                    if (!read.contains(r.policyCode())) {
                        return Outcome.IGNORED;
                    }
                    return thenDecide(views.receiptRevoked(r.householdId(), r.decisionId(), r.policyCode(),
                            r.personId(), r.effectiveDate()), r.householdId(), r.effectiveDate(), decisions);
                })
                .build();
    }

    /** Also on a duplicate: if a crash came between the view and the decisions, the redelivery finishes the work. */
    private static Outcome thenDecide(Outcome outcome, String householdId, LocalDate from,
            Reconciler decisions) {
        decisions.receiptsChanged(householdId, from);
        return outcome;
    }
}
