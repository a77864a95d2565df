package vn.giamngheo.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.giamngheo.contracts.benefit.ApplicationApproved;
import vn.giamngheo.contracts.benefit.ApplicationRejected;
import vn.giamngheo.contracts.benefit.ApplicationReviewStarted;
import vn.giamngheo.contracts.benefit.ApplicationSubmitted;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.card.InsuranceCardRequested;
import vn.giamngheo.contracts.household.HouseholdAssessed;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.notification.NotificationDelivered;
import vn.giamngheo.contracts.notification.NotificationFailed;
import vn.giamngheo.contracts.notification.NotificationQueued;
import vn.giamngheo.contracts.notification.NotificationSent;
import vn.giamngheo.contracts.reporting.ProgressUpdated;
import vn.giamngheo.contracts.review.ReviewPostingStarted;

/** Every event type of the platform. */
public final class EventTypes {

    public static final EventType<HouseholdRegistered> HOUSEHOLD_REGISTERED =
            new EventType<>("household.registered", 1, Topics.HOUSEHOLD_EVENTS, HouseholdRegistered.class);
    public static final EventType<HouseholdUpdated> HOUSEHOLD_UPDATED =
            new EventType<>("household.updated", 1, Topics.HOUSEHOLD_EVENTS, HouseholdUpdated.class);
    public static final EventType<HouseholdAssessed> HOUSEHOLD_ASSESSED =
            new EventType<>("household.assessed", 1, Topics.HOUSEHOLD_EVENTS, HouseholdAssessed.class);
    public static final EventType<HouseholdReclassified> HOUSEHOLD_RECLASSIFIED =
            new EventType<>("household.reclassified", 1, Topics.HOUSEHOLD_EVENTS, HouseholdReclassified.class);
    public static final EventType<HouseholdRemoved> HOUSEHOLD_REMOVED =
            new EventType<>("household.removed", 1, Topics.HOUSEHOLD_EVENTS, HouseholdRemoved.class);

    /** A review round's public posting began; keyed by the round, on the household topic (household-service's). */
    public static final EventType<ReviewPostingStarted> REVIEW_POSTING_STARTED =
            new EventType<>("review.posting-started", 1, Topics.HOUSEHOLD_EVENTS, ReviewPostingStarted.class);

    public static final EventType<BenefitGranted> BENEFIT_GRANTED =
            new EventType<>("benefit.granted", 1, Topics.BENEFIT_EVENTS, BenefitGranted.class);
    public static final EventType<BenefitChanged> BENEFIT_CHANGED =
            new EventType<>("benefit.changed", 1, Topics.BENEFIT_EVENTS, BenefitChanged.class);
    public static final EventType<BenefitRevoked> BENEFIT_REVOKED =
            new EventType<>("benefit.revoked", 1, Topics.BENEFIT_EVENTS, BenefitRevoked.class);

    public static final EventType<ApplicationSubmitted> APPLICATION_SUBMITTED = new EventType<>(
            "benefit.application-submitted", 1, Topics.BENEFIT_EVENTS, ApplicationSubmitted.class);
    public static final EventType<ApplicationReviewStarted> APPLICATION_REVIEW_STARTED = new EventType<>(
            "benefit.application-review-started", 1, Topics.BENEFIT_EVENTS, ApplicationReviewStarted.class);
    public static final EventType<ApplicationApproved> APPLICATION_APPROVED = new EventType<>(
            "benefit.application-approved", 1, Topics.BENEFIT_EVENTS, ApplicationApproved.class);
    public static final EventType<ApplicationRejected> APPLICATION_REJECTED = new EventType<>(
            "benefit.application-rejected", 1, Topics.BENEFIT_EVENTS, ApplicationRejected.class);

    public static final EventType<InsuranceCardRequested> INSURANCE_CARD_REQUESTED =
            new EventType<>("insurance-card.requested", 1, Topics.INSURANCE_CARD_EVENTS, InsuranceCardRequested.class);
    public static final EventType<InsuranceCardIssued> INSURANCE_CARD_ISSUED =
            new EventType<>("insurance-card.issued", 1, Topics.INSURANCE_CARD_EVENTS, InsuranceCardIssued.class);
    public static final EventType<InsuranceCardFailed> INSURANCE_CARD_FAILED =
            new EventType<>("insurance-card.failed", 1, Topics.INSURANCE_CARD_EVENTS, InsuranceCardFailed.class);

    public static final EventType<NotificationQueued> NOTIFICATION_QUEUED =
            new EventType<>("notification.queued", 1, Topics.NOTIFICATION_EVENTS, NotificationQueued.class);
    public static final EventType<NotificationSent> NOTIFICATION_SENT =
            new EventType<>("notification.sent", 1, Topics.NOTIFICATION_EVENTS, NotificationSent.class);
    public static final EventType<NotificationDelivered> NOTIFICATION_DELIVERED =
            new EventType<>("notification.delivered", 1, Topics.NOTIFICATION_EVENTS, NotificationDelivered.class);
    public static final EventType<NotificationFailed> NOTIFICATION_FAILED =
            new EventType<>("notification.failed", 1, Topics.NOTIFICATION_EVENTS, NotificationFailed.class);

    public static final EventType<ProgressUpdated> REPORTING_PROGRESS_UPDATED =
            new EventType<>("reporting.progress-updated", 1, Topics.REPORTING_PROGRESS, ProgressUpdated.class);

    public static final List<EventType<?>> ALL = List.of(
            HOUSEHOLD_REGISTERED, HOUSEHOLD_UPDATED, HOUSEHOLD_ASSESSED, HOUSEHOLD_RECLASSIFIED, HOUSEHOLD_REMOVED,
            REVIEW_POSTING_STARTED,
            BENEFIT_GRANTED, BENEFIT_CHANGED, BENEFIT_REVOKED,
            APPLICATION_SUBMITTED, APPLICATION_REVIEW_STARTED, APPLICATION_APPROVED, APPLICATION_REJECTED,
            INSURANCE_CARD_REQUESTED, INSURANCE_CARD_ISSUED, INSURANCE_CARD_FAILED,
            NOTIFICATION_QUEUED, NOTIFICATION_SENT, NOTIFICATION_DELIVERED, NOTIFICATION_FAILED,
            REPORTING_PROGRESS_UPDATED);

    private static final Map<String, EventType<?>> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private EventTypes() {
    }

    /** The type for a {@code ce_type} header; empty for a type this version of the contracts does not know. */
    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }
}
