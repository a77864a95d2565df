package vn.giamngheo.reporting.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Codec;
import vn.giamngheo.reporting.facts.FactStore.Facts;
import vn.giamngheo.reporting.facts.HouseholdTimeline.Member;

/**
 * How an aggregate's facts are stored: {@code {_id, version, householdId, facts: {<sequence>: {kind, on, ...}}}}, each
 * fact with the fields of its kind (dates as ISO strings, classes by name), as reporting has always stored them.
 */
final class FactCodec implements Codec<Facts> {

    static final String HOUSEHOLD_ID = "householdId";
    static final String FACTS = "facts";

    @Override
    public String id(Facts record) {
        return record.id();
    }

    @Override
    public Document encode(Facts record) {
        Document facts = new Document();
        record.bySequence().forEach((sequence, fact) -> facts.append(String.valueOf(sequence), encodeFact(fact)));
        return new Document("_id", record.id()).append(AggregateCollection.VERSION, record.version())
                .append(HOUSEHOLD_ID, record.householdId()).append(FACTS, facts);
    }

    @Override
    public Facts decode(Document document) {
        SortedMap<Long, Fact> facts = new TreeMap<>();
        Document stored = document.get(FACTS, Document.class);
        if (stored != null) {
            stored.forEach((sequence, fact) -> facts.put(Long.parseLong(sequence), decodeFact((Document) fact)));
        }
        Number version = document.get(AggregateCollection.VERSION, Number.class);
        return new Facts(document.getString("_id"), version == null ? 0 : version.longValue(),
                document.getString(HOUSEHOLD_ID), facts);
    }

    static Document encodeFact(Fact fact) {
        return switch (fact) {
            case Fact.Registered f -> fact("REGISTERED", f.on()).append("unitCode", f.unitCode())
                    .append("members", members(f.members()));
            case Fact.Updated f -> fact("UPDATED", f.on()).append("unitCode", f.unitCode())
                    .append("members", members(f.members()));
            case Fact.Assessed f -> fact("ASSESSED", f.on()).append("unitCode", f.unitCode())
                    .append("classification", f.classification().name()).append("deprived", f.deprived());
            case Fact.Reclassified f -> fact("RECLASSIFIED", f.on()).append("unitCode", f.unitCode())
                    .append("fromClass", f.fromClass() == null ? null : f.fromClass().name())
                    .append("toClass", f.toClass().name()).append("transition", f.transition().name());
            case Fact.Removed f -> fact("REMOVED", f.on());
            case Fact.Granted f -> fact("GRANTED", f.on()).append("policyCode", f.policyCode())
                    .append("department", f.department()).append("personId", f.personId())
                    .append("validTo", string(f.validTo()));
            case Fact.Revoked f -> fact("REVOKED", f.on());
            case Fact.Submitted f -> fact("SUBMITTED", f.on()).append("policyCode", f.policyCode())
                    .append("department", f.department());
            case Fact.Approved f -> fact("APPROVED", f.on());
            case Fact.Rejected f -> fact("REJECTED", f.on());
            case Fact.Issued f -> fact("ISSUED", f.on()).append("personId", f.personId())
                    .append("benefitDecisionId", f.benefitDecisionId()).append("validTo", string(f.validTo()));
            case Fact.Other f -> new Document(f.fields());
        };
    }

    static Fact decodeFact(Document d) {
        LocalDate on = LocalDate.parse(d.getString("on"));
        return switch (d.getString("kind")) {
            case "REGISTERED" -> new Fact.Registered(on, d.getString("unitCode"), members(d));
            case "UPDATED" -> new Fact.Updated(on, d.getString("unitCode"), members(d));
            case "ASSESSED" -> new Fact.Assessed(on, d.getString("unitCode"),
                    HouseholdClass.valueOf(d.getString("classification")), d.getList("deprived", String.class));
            case "RECLASSIFIED" -> new Fact.Reclassified(on, d.getString("unitCode"),
                    d.getString("fromClass") == null ? null : HouseholdClass.valueOf(d.getString("fromClass")),
                    HouseholdClass.valueOf(d.getString("toClass")), Transition.valueOf(d.getString("transition")));
            case "REMOVED" -> new Fact.Removed(on);
            case "GRANTED" -> new Fact.Granted(on, d.getString("policyCode"), d.getString("department"),
                    d.getString("personId"), date(d.getString("validTo")));
            case "REVOKED" -> new Fact.Revoked(on);
            case "SUBMITTED" -> new Fact.Submitted(on, d.getString("policyCode"), d.getString("department"));
            case "APPROVED" -> new Fact.Approved(on);
            case "REJECTED" -> new Fact.Rejected(on);
            case "ISSUED" -> new Fact.Issued(on, d.getString("personId"), d.getString("benefitDecisionId"),
                    date(d.getString("validTo")));
            default -> new Fact.Other(d.getString("kind"), on, d);
        };
    }

    private static Document fact(String kind, LocalDate on) {
        return new Document("kind", kind).append("on", on.toString());
    }

    private static List<Document> members(List<Member> members) {
        return members.stream().map(m -> new Document("personId", m.personId())
                .append("dateOfBirth", m.dateOfBirth().toString()).append("sex", m.sex())
                .append("relationToHead", m.relationToHead())).toList();
    }

    private static List<Member> members(Document fact) {
        return fact.getList("members", Document.class).stream()
                .map(m -> new Member(m.getString("personId"), LocalDate.parse(m.getString("dateOfBirth")),
                        m.getString("sex"), m.getString("relationToHead")))
                .toList();
    }

    private static String string(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
