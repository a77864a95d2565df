package vn.giamngheo.contracts;

import java.util.List;

/** Kafka topic names. Every topic is created explicitly (never by auto-creation, which makes one partition). */
public final class Topics {

    public static final String HOUSEHOLD_EVENTS = "household.events";
    public static final String BENEFIT_EVENTS = "benefit.events";
    public static final String INSURANCE_CARD_EVENTS = "insurance-card.events";
    public static final String NOTIFICATION_EVENTS = "notification.events";
    /** Compacted: key = area code + indicator, the latest value wins. */
    public static final String REPORTING_PROGRESS = "reporting.progress";

    public static final List<String> ALL = List.of(
            HOUSEHOLD_EVENTS, BENEFIT_EVENTS, INSURANCE_CARD_EVENTS, NOTIFICATION_EVENTS, REPORTING_PROGRESS);

    private Topics() {
    }

    /** One dead-letter topic per topic and consumer group, so each consumer can replay only its own failures. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }

    public static boolean isCompacted(String topic) {
        return REPORTING_PROGRESS.equals(topic);
    }
}
