package vn.giamngheo.notification.messages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a message is about, the template it is written with, and the variables its template may use — with a sample
 * value each, against which every template file is rendered at start-up (a template naming a variable its kind does
 * not supply stops the service from starting, instead of failing when a message is sent).
 */
public enum MessageKind {

    CLASS_CHANGED("class-changed", Channel.SMS, vars(
            "toClass", "POOR", "fromClass", "NONE", "transition", "NEWLY_POOR", "decisionNumber", "125/QĐ-UBND",
            "decisionDate", "15/12/2026", "effectiveDate", "01/01/2027", "newlyEscapedUntil", "")),
    BENEFIT_GRANTED("benefit-granted", Channel.SMS, benefitVars("validFrom", "01/01/2027")),
    BENEFIT_CHANGED("benefit-changed", Channel.SMS, benefitVars("effectiveDate", "01/07/2027")),
    BENEFIT_REVOKED("benefit-revoked", Channel.SMS, vars(
            "policyCode", "ELECTRICITY_SUPPORT", "forPerson", false, "effectiveDate", "01/01/2028",
            "reason", "Hộ không còn là hộ nghèo.")),
    CARD_ISSUED("card-issued", Channel.SMS, vars(
            "cardNumber", "HN2250123456789", "validFrom", "01/01/2027", "validTo", "31/12/2027")),
    CARD_FAILED("card-failed", Channel.EMAIL, vars(
            "requestId", "card:HEALTH_INSURANCE_PREMIUM:p-1:2027-01-01:1", "householdId", "h-1", "personId", "p-1",
            "unitCode", "08707", "reason", "BHXH answered HTTP 503 (after 10 attempts)", "attempts", 10)),
    POSTING_ENDED("posting-ended", Channel.EMAIL, vars(
            "roundId", "08707-2026-annual-3f2a9c10", "unitCode", "08707", "kind", "ANNUAL",
            "postingStartedOn", "30/11/2026", "postingEndsOn", "02/12/2026", "households", 42, "agreed", 40));

    private final String template;
    private final Channel channel;
    private final Map<String, Object> sample;

    MessageKind(String template, Channel channel, Map<String, Object> sample) {
        this.template = template;
        this.channel = channel;
        this.sample = Map.copyOf(sample);
    }

    /** The template's name: files are {@code <template>.v<N>.ftl}. */
    public String template() {
        return template;
    }

    public Channel channel() {
        return channel;
    }

    /** The variables this kind supplies, with sample values. */
    public Map<String, Object> sample() {
        return sample;
    }

    private static Map<String, Object> benefitVars(String dateName, String date) {
        Map<String, Object> vars = vars("policyCode", "POOR_HOUSEHOLD_LOAN", "forPerson", false,
                "entitlementKind", "LOAN", "sharePercent", 0, "amountVnd", 0L, "period", "",
                "ceilingVnd", 100_000_000L, "interestRatePercent", "6,6", "reason", "Hộ nghèo.");
        vars.put(dateName, date);
        return vars;
    }

    /** A variables map from name, value pairs, in order. */
    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put((String) pairs[i], pairs[i + 1]);
        }
        return vars;
    }
}
