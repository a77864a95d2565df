package vn.giamngheo.household.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.classification.DeprivationIndicator;
import vn.giamngheo.household.classification.PovertyStandard;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.Member;
import vn.giamngheo.household.review.ReviewKind;
import vn.giamngheo.household.review.ReviewRound;
import vn.giamngheo.household.review.Survey;
import vn.giamngheo.household.search.Folding;
import vn.giamngheo.platform.units.AdministrativeUnit;

/**
 * What a template is filled with: plain maps and lists, one key per placeholder of {@link DocumentKind}. Plain Java,
 * so that a template is checked against the very model a real round gives.
 */
final class DocumentModels {

    /** The papers of one round: the round, its unit as named on the document's date, its standard and households. */
    record Papers(ReviewRound round, AdministrativeUnit unit, LocalDate date, PovertyStandard standard,
            List<Line> lines) {
    }

    /**
     * One household of the round.
     *
     * @param before the class in force before the round's decision (the registry's class history), null for none
     */
    record Line(Survey survey, Household household, HouseholdClass before) {

        HouseholdClass after() {
            return survey.classification();
        }
    }

    /** The lists a decision recognises (Decision 24/2021/QĐ-TTg Art. 4 cl. 6), in the order of its annexes. */
    enum DecisionList {
        POOR("poor", "I", "Hộ nghèo", "DANH SÁCH HỘ NGHÈO", l -> l.after() == HouseholdClass.POOR),
        NEAR_POOR("nearPoor", "II", "Hộ cận nghèo", "DANH SÁCH HỘ CẬN NGHÈO",
                l -> l.after() == HouseholdClass.NEAR_POOR),
        ESCAPED_POVERTY("escapedPoverty", "III", "Hộ thoát nghèo", "DANH SÁCH HỘ THOÁT NGHÈO",
                l -> l.before() == HouseholdClass.POOR && l.after() != HouseholdClass.POOR),
        ESCAPED_NEAR_POVERTY("escapedNearPoverty", "IV", "Hộ thoát cận nghèo", "DANH SÁCH HỘ THOÁT CẬN NGHÈO",
                l -> l.before() == HouseholdClass.NEAR_POOR && l.after() != HouseholdClass.POOR
                        && l.after() != HouseholdClass.NEAR_POOR),
        MIDDLE("middle", "V", "Hộ có mức sống trung bình", "DANH SÁCH HỘ CÓ MỨC SỐNG TRUNG BÌNH",
                l -> l.after() == HouseholdClass.MIDDLE);

        final String key;
        final String roman;
        final String sheet;
        final String title;
        final Predicate<Line> member;

        DecisionList(String key, String roman, String sheet, String title, Predicate<Line> member) {
            this.key = key;
            this.roman = roman;
            this.sheet = sheet;
            this.title = title;
            this.member = member;
        }

        List<Line> of(List<Line> lines) {
            return lines.stream().filter(member).toList();
        }
    }

    private DocumentModels() {
    }

    /** The model of a kind's template. */
    static Map<String, Object> model(DocumentKind kind, Papers p) {
        return switch (kind) {
            case MINUTES -> minutes(p);
            case POSTING_LIST -> postingList(p);
            case DECISION -> decision(p);
            case CERTIFICATE -> certificates(p);
        };
    }

    /** A document's date: the meeting's for the minutes, the posting's first day, the decision's. */
    static LocalDate dateOf(DocumentKind kind, ReviewRound round) {
        return switch (kind) {
            case MINUTES -> round.lastMeetingOn();
            case POSTING_LIST -> round.postingStartedOn();
            case DECISION, CERTIFICATE -> round.decision() == null ? null : round.decision().date();
        };
    }

    /** By village, then the head's name in Vietnamese order. */
    static List<Line> sorted(List<Line> lines) {
        Comparator<Line> byVillage = Comparator.comparing(l -> Folding.fold(l.household().village()));
        return lines.stream().sorted(byVillage.thenComparing((a, b) -> Arrays.compare(
                Folding.sortKey(a.household().head().fullName()), Folding.sortKey(b.household().head().fullName()))))
                .toList();
    }

    /** The heading and round placeholders every document has. */
    static Map<String, Object> common(Papers p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nationalTitle", VietnameseText.NATIONAL_TITLE);
        m.put("motto", VietnameseText.MOTTO);
        m.put("issuer", VietnameseText.issuer(p.unit()));
        m.put("unitName", p.unit().name());
        m.put("unitKind", VietnameseText.unitKind(p.unit().type()).toLowerCase(VietnameseText.VI));
        m.put("unitCode", p.unit().code());
        m.put("place", VietnameseText.place(p.unit()));
        m.put("date", VietnameseText.date(p.date()));
        m.put("dateLine", VietnameseText.place(p.unit()) + ", " + VietnameseText.longDate(p.date()));
        ReviewRound round = p.round();
        m.put("reviewName", round.kind() == ReviewKind.ANNUAL
                ? "rà soát hộ nghèo, hộ cận nghèo định kỳ năm " + round.referenceDate().getYear()
                : "rà soát hộ nghèo, hộ cận nghèo thường xuyên tháng " + round.referenceDate().getMonthValue()
                        + " năm " + round.referenceDate().getYear());
        m.put("year", round.referenceDate().getYear());
        m.put("standardName", p.standard().name());
        m.put("standardBasis", p.standard().legalBasis());
        List<Line> lines = sorted(p.lines());
        m.put("total", lines.size());
        m.put("households", rows(lines, p.standard()));
        return m;
    }

    static Map<String, Object> minutes(Papers p) {
        Map<String, Object> m = common(p);
        LocalDate meeting = p.round().lastMeetingOn();
        List<Line> voted = sorted(p.lines().stream().filter(l -> vote(l, meeting) != null).toList());
        List<Map<String, Object>> rows = rows(voted, p.standard());
        int participants = 0;
        int agreed = 0;
        for (int i = 0; i < voted.size(); i++) {
            Survey.Vote vote = vote(voted.get(i), meeting);
            participants = Math.max(participants, vote.participants());
            boolean yes = vote.agreeing() * 2 >= vote.participants();
            agreed += yes ? 1 : 0;
            rows.get(i).put("agreeing", vote.agreeing());
            rows.get(i).put("percent", Math.round(100.0 * vote.agreeing() / vote.participants()) + "%");
            rows.get(i).put("result", yes ? "Nhất trí" : "Không nhất trí, rà soát lại");
        }
        m.put("households", rows);
        m.put("total", voted.size());
        m.put("meetingDate", VietnameseText.date(meeting));
        m.put("participants", participants);
        m.put("villages", voted.stream().map(l -> l.household().village()).distinct()
                .collect(Collectors.joining(", ")));
        m.put("agreedCount", agreed);
        m.put("notAgreedCount", voted.size() - agreed);
        return m;
    }

    /** The household's vote at the meeting of {@code date}; null when it was not voted on then. */
    private static Survey.Vote vote(Line line, LocalDate date) {
        return line.survey().votes().stream().filter(v -> v.date().equals(date)).reduce((a, b) -> b).orElse(null);
    }

    static Map<String, Object> postingList(Papers p) {
        Map<String, Object> m = common(p);
        m.put("postingStart", VietnameseText.date(p.round().postingStartedOn()));
        m.put("postingEnd", VietnameseText.date(p.round().postingEndsOn()));
        m.put("workingDays", p.round().postingWorkingDays());
        return m;
    }

    static Map<String, Object> decision(Papers p) {
        Map<String, Object> m = common(p);
        putDecision(m, p.round());
        Map<String, Object> counts = new LinkedHashMap<>();
        List<Map<String, Object>> annexes = new ArrayList<>();
        for (DecisionList list : DecisionList.values()) {
            List<Line> lines = sorted(list.of(p.lines()));
            counts.put(list.key, lines.size());
            Map<String, Object> annex = new LinkedHashMap<>();
            annex.put("roman", list.roman);
            annex.put("title", list.title);
            annex.put("count", lines.size());
            annex.put("members", lines.stream().mapToInt(l -> l.household().activeMembers().size()).sum());
            annex.put("households", rows(lines, p.standard()));
            annexes.add(annex);
        }
        m.put("counts", counts);
        m.put("annexes", annexes);
        return m;
    }

    static Map<String, Object> certificates(Papers p) {
        Map<String, Object> m = common(p);
        putDecision(m, p.round());
        LocalDate from = p.round().decision().effectiveDate();
        List<Map<String, Object>> certificates = new ArrayList<>();
        for (Line line : sorted(p.lines())) {
            Household h = line.household();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("number", certificates.size() + 1 + "/" + from.getYear());
            c.put("householdId", h.id());
            c.put("headName", h.head().fullName());
            c.put("headBirthYear", h.head().dateOfBirth() == null ? "" : h.head().dateOfBirth().getYear());
            c.put("village", h.village());
            c.put("classTitle", VietnameseText.householdClass(line.after()).toUpperCase(VietnameseText.VI));
            c.put("className", VietnameseText.householdClass(line.after()));
            c.put("memberCount", h.activeMembers().size());
            List<Map<String, Object>> members = new ArrayList<>();
            for (Member member : h.activeMembers()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("index", members.size() + 1);
                row.put("fullName", member.fullName());
                row.put("birthDate", VietnameseText.date(member.dateOfBirth()));
                row.put("relation", member.relationToHead().label());
                members.add(row);
            }
            c.put("members", members);
            c.put("validFrom", VietnameseText.date(from));
            c.put("validTo", VietnameseText.date(LocalDate.of(from.getYear(), 12, 31)));
            c.put("validYear", from.getYear());
            certificates.add(c);
        }
        m.put("certificates", certificates);
        return m;
    }

    private static void putDecision(Map<String, Object> m, ReviewRound round) {
        ReviewRound.DecisionInfo d = round.decision();
        m.put("decisionNumber", d.number());
        m.put("decisionDate", VietnameseText.date(d.date()));
        m.put("effectiveDate", VietnameseText.date(d.effectiveDate()));
        // The decision is the People's Committee's, signed for it by its chairman ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"),
        // whoever recorded it on the platform.
        m.put("signerTitle", "CHỦ TỊCH");
        m.put("signerRole", d.signerRole());
    }

    private static List<Map<String, Object>> rows(List<Line> lines, PovertyStandard standard) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Line line : lines) {
            Household h = line.household();
            Survey s = line.survey();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", rows.size() + 1);
            row.put("householdId", h.id());
            row.put("headName", h.head().fullName());
            row.put("village", h.village());
            row.put("memberCount", h.activeMembers().size());
            row.put("className", VietnameseText.householdClass(line.after()));
            row.put("classBefore", VietnameseText.householdClass(line.before()));
            row.put("change", change(line.before(), line.after()));
            row.put("income", VietnameseText.number(s.monthlyIncomePerCapitaVnd()));
            row.put("deprivedCount", s.deprivedIndicators().size());
            row.put("deprivations", deprivations(s, standard));
            rows.add(row);
        }
        return rows;
    }

    /** The indicators a household is deprived of, by their Vietnamese names. */
    static String deprivations(Survey survey, PovertyStandard standard) {
        return survey.deprivedIndicators().stream().map(code -> standard.indicator(code)
                .map(DeprivationIndicator::nameVi).orElse(code)).collect(Collectors.joining(", "));
    }

    /** How the proposed class differs from the one in force. */
    static String change(HouseholdClass before, HouseholdClass after) {
        if (before == after) {
            return "Giữ nguyên";
        }
        if (before == HouseholdClass.POOR) {
            return after == HouseholdClass.NEAR_POOR ? "Thoát nghèo, thành hộ cận nghèo" : "Thoát nghèo";
        }
        if (after == HouseholdClass.POOR) {
            return before == HouseholdClass.NEAR_POOR ? "Từ hộ cận nghèo thành hộ nghèo" : "Hộ nghèo mới";
        }
        if (before == HouseholdClass.NEAR_POOR) {
            return "Thoát cận nghèo";
        }
        return after == HouseholdClass.NEAR_POOR ? "Hộ cận nghèo mới" : "Thay đổi";
    }
}
