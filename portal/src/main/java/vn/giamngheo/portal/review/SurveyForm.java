package vn.giamngheo.portal.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryViews;

/**
 * A survey's answers as typed (Phiếu B of Circular 07/2021: income first, then the members and the facts behind the
 * deprivation indicators), bound from the fragment {@code review/survey-fields :: fields}. Text as typed, checked for
 * shape only (a number is a number, a date a real day); whether the answers are complete and what they mean is
 * household-service's to judge. Used by the survey form and by an upheld complaint's corrected survey.
 */
public class SurveyForm {

    /** The income as the household gave it: a year's income with the number of members, or per person a month. */
    public static final List<String> INCOME_MODES = List.of("ANNUAL", "MONTHLY");
    public static final List<String> YES_NO = List.of("true", "false");
    public static final List<String> EDUCATIONS = List.of("NONE", "PRIMARY", "LOWER_SECONDARY", "UPPER_SECONDARY",
            "VOCATIONAL", "COLLEGE_OR_HIGHER");
    public static final List<String> EMPLOYMENTS = List.of("WAGE_WITH_CONTRACT", "WAGE_WITHOUT_CONTRACT",
            "SELF_EMPLOYED", "UNEMPLOYED", "NOT_IN_LABOUR_FORCE");
    public static final List<String> WATER_SOURCES = List.of("PIPED", "BOREHOLE", "PROTECTED_DUG_WELL",
            "PROTECTED_SPRING", "RAINWATER", "BOTTLED", "UNPROTECTED_WELL", "UNPROTECTED_SPRING", "SURFACE_WATER",
            "OTHER");
    public static final List<String> LATRINES = List.of("SEPTIC", "SEMI_SEPTIC", "POUR_FLUSH", "DOUBLE_VAULT",
            "VENTILATED_PIT", "UNHYGIENIC", "NONE");
    public static final List<String> INFORMATION_MEANS = List.of("TELEVISION", "RADIO", "COMPUTER", "SMARTPHONE",
            "TABLET", "TELEPHONE");
    public static final List<String> WASTE_HANDLINGS = List.of("COLLECTED", "SAFE_ON_SITE", "UNSAFE");

    /** The closed sets as the fragment reads them ({@code form.choices.educations}). */
    public static final class Choices {
        private static final Choices ALL = new Choices();

        public List<String> getIncomeModes() {
            return INCOME_MODES;
        }

        public List<String> getYesNo() {
            return YES_NO;
        }

        public List<String> getEducations() {
            return EDUCATIONS;
        }

        public List<String> getEmployments() {
            return EMPLOYMENTS;
        }

        public List<String> getWaterSources() {
            return WATER_SOURCES;
        }

        public List<String> getLatrines() {
            return LATRINES;
        }

        public List<String> getInformationMeans() {
            return INFORMATION_MEANS;
        }

        public List<String> getWasteHandlings() {
            return WASTE_HANDLINGS;
        }
    }

    public Choices getChoices() {
        return Choices.ALL;
    }

    /** The facts' fields outside the member rows, in the questionnaire's order. */
    static final List<String> FACT_FIELDS = List.of("floorAreaM2", "hasDwelling", "wallsDurable", "frameDurable",
            "roofDurable", "waterSource", "latrine", "usesTelecom", "usesInternet", "informationMeans",
            "wasteHandling", "sickMemberUntreated");

    private String incomeMode = "ANNUAL";
    private String annualIncomeVnd;
    private String memberCount;
    private String monthlyIncomePerCapitaVnd;
    private List<Member> members = new ArrayList<>();
    private String floorAreaM2;
    private String hasDwelling;
    private String wallsDurable;
    private String frameDurable;
    private String roofDurable;
    private String waterSource;
    private String latrine;
    private String usesTelecom;
    private String usesInternet;
    private List<String> informationMeans = new ArrayList<>();
    private String wasteHandling;
    private String sickMemberUntreated;

    /** One member's row: who (shown, not sent) and the facts the indicators read. */
    public static class Member {
        private String name;
        private String dateOfBirth;
        private String hasHealthInsurance;
        private String attendingSchool;
        private String education;
        private String employment;
        private String unableToWork;
        private String malnourished;
        private String receivesSocialAllowance;

        public Member() {
        }

        /** A row left empty (the name alone does not count): not sent. */
        public boolean empty() {
            return Forms.blank(dateOfBirth) && Forms.blank(hasHealthInsurance) && Forms.blank(attendingSchool)
                    && Forms.blank(education) && Forms.blank(employment) && Forms.blank(unableToWork)
                    && Forms.blank(malnourished) && Forms.blank(receivesSocialAllowance);
        }

        Map<String, Object> request(String prefix, FormErrors errors, Reasons reasons) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dateOfBirth", Forms.date(prefix + "dateOfBirth", dateOfBirth, false, errors, reasons));
            m.put("hasHealthInsurance", bool(hasHealthInsurance));
            m.put("attendingSchool", bool(attendingSchool));
            m.put("education", Forms.text(education));
            m.put("employment", Forms.text(employment));
            m.put("unableToWork", bool(unableToWork));
            m.put("malnourished", bool(malnourished));
            m.put("receivesSocialAllowance", bool(receivesSocialAllowance));
            return m;
        }

        static Member of(ReviewViews.AnswerMember answer, String name) {
            Member m = new Member();
            m.name = name;
            m.dateOfBirth = Forms.show(answer.dateOfBirth());
            m.hasHealthInsurance = text(answer.hasHealthInsurance());
            m.attendingSchool = text(answer.attendingSchool());
            m.education = answer.education();
            m.employment = answer.employment();
            m.unableToWork = text(answer.unableToWork());
            m.malnourished = text(answer.malnourished());
            m.receivesSocialAllowance = text(answer.receivesSocialAllowance());
            return m;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDateOfBirth() {
            return dateOfBirth;
        }

        public void setDateOfBirth(String dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
        }

        public String getHasHealthInsurance() {
            return hasHealthInsurance;
        }

        public void setHasHealthInsurance(String hasHealthInsurance) {
            this.hasHealthInsurance = hasHealthInsurance;
        }

        public String getAttendingSchool() {
            return attendingSchool;
        }

        public void setAttendingSchool(String attendingSchool) {
            this.attendingSchool = attendingSchool;
        }

        public String getEducation() {
            return education;
        }

        public void setEducation(String education) {
            this.education = education;
        }

        public String getEmployment() {
            return employment;
        }

        public void setEmployment(String employment) {
            this.employment = employment;
        }

        public String getUnableToWork() {
            return unableToWork;
        }

        public void setUnableToWork(String unableToWork) {
            this.unableToWork = unableToWork;
        }

        public String getMalnourished() {
            return malnourished;
        }

        public void setMalnourished(String malnourished) {
            this.malnourished = malnourished;
        }

        public String getReceivesSocialAllowance() {
            return receivesSocialAllowance;
        }

        public void setReceivesSocialAllowance(String receivesSocialAllowance) {
            this.receivesSocialAllowance = receivesSocialAllowance;
        }
    }

    /** The request lists the filled member rows only: which row each of its members came from. */
    private final List<Integer> rowOf = new ArrayList<>();

    /** An empty form with a row per active member of {@code household} (name and date of birth from the registry). */
    public static SurveyForm forHousehold(RegistryViews.Household household) {
        SurveyForm form = new SurveyForm();
        for (RegistryViews.Member person : household.activeMembers()) {
            Member m = new Member();
            m.name = person.fullName();
            m.dateOfBirth = Forms.show(person.dateOfBirth());
            form.members.add(m);
        }
        form.memberCount = Integer.toString(household.activeMembers().size());
        return form;
    }

    /**
     * The form with the answers a survey recorded ({@code answers} of household-service's Survey), the member rows'
     * names taken from {@code household} in order where it still has as many members.
     */
    public static SurveyForm of(ReviewViews.Answers answers, RegistryViews.Household household) {
        SurveyForm form = household == null ? new SurveyForm() : forHousehold(household);
        if (answers == null) {
            return form;
        }
        form.incomeMode = answers.monthlyIncomePerCapitaVnd() != null ? "MONTHLY" : "ANNUAL";
        form.annualIncomeVnd = number(answers.annualIncomeVnd());
        if (answers.memberCount() != null) {
            form.memberCount = answers.memberCount().toString();
        }
        form.monthlyIncomePerCapitaVnd = number(answers.monthlyIncomePerCapitaVnd());
        ReviewViews.Facts facts = answers.facts();
        if (facts != null) {
            List<Member> rows = new ArrayList<>();
            for (int i = 0; i < facts.members().size(); i++) {
                String name = i < form.members.size() ? form.members.get(i).name : null;
                rows.add(Member.of(facts.members().get(i), name));
            }
            for (int i = rows.size(); i < form.members.size(); i++) {
                rows.add(form.members.get(i));
            }
            form.members = rows;
            form.floorAreaM2 = facts.floorAreaM2() == null ? null
                    : facts.floorAreaM2().stripTrailingZeros().toPlainString().replace('.', ',');
            form.hasDwelling = text(facts.hasDwelling());
            form.wallsDurable = text(facts.wallsDurable());
            form.frameDurable = text(facts.frameDurable());
            form.roofDurable = text(facts.roofDurable());
            form.waterSource = facts.waterSource();
            form.latrine = facts.latrine();
            form.usesTelecom = text(facts.usesTelecom());
            form.usesInternet = text(facts.usesInternet());
            form.informationMeans = facts.informationMeans() == null ? new ArrayList<>()
                    : new ArrayList<>(facts.informationMeans());
            form.wasteHandling = facts.wasteHandling();
            form.sickMemberUntreated = text(facts.sickMemberUntreated());
        }
        return form;
    }

    /**
     * The answers as household-service's survey body ({@code annualIncomeVnd}, {@code memberCount} or
     * {@code monthlyIncomePerCapitaVnd}, and {@code facts}); the shape errors of what was typed go in
     * {@code errors}. The facts are sent when any of them was answered (a draft may have none yet); the member rows
     * left empty are not sent.
     */
    public Map<String, Object> toRequestBody(FormErrors errors, Reasons reasons) {
        Map<String, Object> body = new LinkedHashMap<>();
        if ("MONTHLY".equals(incomeMode)) {
            body.put("monthlyIncomePerCapitaVnd", whole("monthlyIncomePerCapitaVnd", monthlyIncomePerCapitaVnd,
                    errors, reasons));
        } else {
            body.put("annualIncomeVnd", whole("annualIncomeVnd", annualIncomeVnd, errors, reasons));
            Long count = whole("memberCount", memberCount, errors, reasons);
            body.put("memberCount", count == null ? null : count.intValue());
        }
        rowOf.clear();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int row = 0; row < members.size(); row++) {
            Member m = members.get(row);
            if (m == null || m.empty()) {
                continue;
            }
            rowOf.add(row);
            rows.add(m.request("members[" + row + "].", errors, reasons));
        }
        boolean anyFact = !rows.isEmpty() || !informationMeans.isEmpty() || FACT_FIELDS.stream()
                .filter(f -> !f.equals("informationMeans")).anyMatch(f -> !Forms.blank(fact(f)));
        if (anyFact) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("members", rows);
            facts.put("floorAreaM2", decimal("floorAreaM2", floorAreaM2, errors, reasons));
            facts.put("hasDwelling", bool(hasDwelling));
            facts.put("wallsDurable", bool(wallsDurable));
            facts.put("frameDurable", bool(frameDurable));
            facts.put("roofDurable", bool(roofDurable));
            facts.put("waterSource", Forms.text(waterSource));
            facts.put("latrine", Forms.text(latrine));
            facts.put("usesTelecom", bool(usesTelecom));
            facts.put("usesInternet", bool(usesInternet));
            facts.put("informationMeans", new LinkedHashSet<>(informationMeans));
            facts.put("wasteHandling", Forms.text(wasteHandling));
            facts.put("sickMemberUntreated", bool(sickMemberUntreated));
            body.put("facts", facts);
        }
        return body;
    }

    /**
     * The form field for a field household-service named in the survey body ({@code facts.members[2].dateOfBirth} →
     * the member row it came from; {@code facts.latrine} → latrine); {@code prefix} is what the body sits under in
     * the request ("" for a survey, {@code "survey."} in a complaint's resolution). Call after
     * {@link #toRequestBody}; null for a field the form does not have (shown in the summary only).
     */
    public String formField(String prefix, String serviceField) {
        if (serviceField == null || !serviceField.startsWith(prefix)) {
            return null;
        }
        String field = serviceField.substring(prefix.length());
        if (field.startsWith("facts.members[")) {
            RegistryCalls.Indexed indexed = RegistryCalls.Indexed.of(field.substring("facts.".length()));
            if (indexed == null || indexed.rest() == null || indexed.index() >= rowOf.size()) {
                return firstMemberField();
            }
            String leaf = indexed.rest();
            return List.of("dateOfBirth", "hasHealthInsurance", "attendingSchool", "education", "employment",
                    "unableToWork", "malnourished", "receivesSocialAllowance").contains(leaf)
                    ? "members[" + rowOf.get(indexed.index()) + "]." + leaf : null;
        }
        return switch (field) {
            case "annualIncomeVnd", "memberCount", "monthlyIncomePerCapitaVnd" -> field;
            case "facts.members" -> firstMemberField();
            case "facts", "deprivedIndicators" -> "facts";
            default -> {
                String leaf = field.startsWith("facts.") ? field.substring("facts.".length()) : null;
                yield leaf != null && FACT_FIELDS.contains(leaf) ? leaf : null;
            }
        };
    }

    /** The form field for a field of the survey body sent as it is (not under another object). */
    public String formField(String serviceField) {
        return formField("", serviceField);
    }

    private String firstMemberField() {
        return "members[" + (rowOf.isEmpty() ? 0 : rowOf.getFirst()) + "].dateOfBirth";
    }

    private String fact(String field) {
        return switch (field) {
            case "floorAreaM2" -> floorAreaM2;
            case "hasDwelling" -> hasDwelling;
            case "wallsDurable" -> wallsDurable;
            case "frameDurable" -> frameDurable;
            case "roofDurable" -> roofDurable;
            case "waterSource" -> waterSource;
            case "latrine" -> latrine;
            case "usesTelecom" -> usesTelecom;
            case "usesInternet" -> usesInternet;
            case "wasteHandling" -> wasteHandling;
            case "sickMemberUntreated" -> sickMemberUntreated;
            default -> null;
        };
    }

    /** A whole number of đồng or people typed as 1.234.567, 1 234 567 or 1234567; null when blank or not one. */
    static Long whole(String field, String typed, FormErrors errors, Reasons reasons) {
        if (Forms.blank(typed)) {
            return null;
        }
        String digits = typed.strip().replaceAll("[.\\s,\u00a0]|đ$", "").strip();
        if (!digits.matches("\\d{1,15}")) {
            errors.add(field, reasons.text("survey.error.number", typed.strip()));
            return null;
        }
        return Long.parseLong(digits);
    }

    /** A floor area typed as 35, 35,5 or 35.5 (m²); null when blank or not a number. */
    static BigDecimal decimal(String field, String typed, FormErrors errors, Reasons reasons) {
        if (Forms.blank(typed)) {
            return null;
        }
        String number = typed.strip().replace(',', '.').replaceAll("\\s*m2$|\\s*m²$", "");
        if (!number.matches("\\d{1,6}(\\.\\d{1,2})?")) {
            errors.add(field, reasons.text("survey.error.area", typed.strip()));
            return null;
        }
        return new BigDecimal(number);
    }

    private static Boolean bool(String typed) {
        return Forms.blank(typed) ? null : Boolean.valueOf(typed.strip());
    }

    private static String text(Boolean value) {
        return value == null ? null : value.toString();
    }

    private static String number(Long value) {
        return value == null ? null : String.format(Locale.ROOT, "%,d", value).replace(',', '.');
    }

    public String getIncomeMode() {
        return incomeMode;
    }

    public void setIncomeMode(String incomeMode) {
        this.incomeMode = incomeMode;
    }

    public String getAnnualIncomeVnd() {
        return annualIncomeVnd;
    }

    public void setAnnualIncomeVnd(String annualIncomeVnd) {
        this.annualIncomeVnd = annualIncomeVnd;
    }

    public String getMemberCount() {
        return memberCount;
    }

    public void setMemberCount(String memberCount) {
        this.memberCount = memberCount;
    }

    public String getMonthlyIncomePerCapitaVnd() {
        return monthlyIncomePerCapitaVnd;
    }

    public void setMonthlyIncomePerCapitaVnd(String monthlyIncomePerCapitaVnd) {
        this.monthlyIncomePerCapitaVnd = monthlyIncomePerCapitaVnd;
    }

    public List<Member> getMembers() {
        return members;
    }

    public void setMembers(List<Member> members) {
        this.members = members;
    }

    public String getFloorAreaM2() {
        return floorAreaM2;
    }

    public void setFloorAreaM2(String floorAreaM2) {
        this.floorAreaM2 = floorAreaM2;
    }

    public String getHasDwelling() {
        return hasDwelling;
    }

    public void setHasDwelling(String hasDwelling) {
        this.hasDwelling = hasDwelling;
    }

    public String getWallsDurable() {
        return wallsDurable;
    }

    public void setWallsDurable(String wallsDurable) {
        this.wallsDurable = wallsDurable;
    }

    public String getFrameDurable() {
        return frameDurable;
    }

    public void setFrameDurable(String frameDurable) {
        this.frameDurable = frameDurable;
    }

    public String getRoofDurable() {
        return roofDurable;
    }

    public void setRoofDurable(String roofDurable) {
        this.roofDurable = roofDurable;
    }

    public String getWaterSource() {
        return waterSource;
    }

    public void setWaterSource(String waterSource) {
        this.waterSource = waterSource;
    }

    public String getLatrine() {
        return latrine;
    }

    public void setLatrine(String latrine) {
        this.latrine = latrine;
    }

    public String getUsesTelecom() {
        return usesTelecom;
    }

    public void setUsesTelecom(String usesTelecom) {
        this.usesTelecom = usesTelecom;
    }

    public String getUsesInternet() {
        return usesInternet;
    }

    public void setUsesInternet(String usesInternet) {
        this.usesInternet = usesInternet;
    }

    public List<String> getInformationMeans() {
        return informationMeans;
    }

    public void setInformationMeans(List<String> informationMeans) {
        this.informationMeans = informationMeans == null ? new ArrayList<>() : informationMeans;
    }

    public String getWasteHandling() {
        return wasteHandling;
    }

    public void setWasteHandling(String wasteHandling) {
        this.wasteHandling = wasteHandling;
    }

    public String getSickMemberUntreated() {
        return sickMemberUntreated;
    }

    public void setSickMemberUntreated(String sickMemberUntreated) {
        this.sickMemberUntreated = sickMemberUntreated;
    }

    /** For the templates: whether {@code means} is ticked. */
    public boolean has(String means) {
        return informationMeans.contains(means);
    }
}
