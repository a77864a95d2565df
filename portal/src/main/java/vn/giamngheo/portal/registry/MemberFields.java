package vn.giamngheo.portal.registry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.giamngheo.portal.registry.RegistryViews.Member;

/** One person as typed in a registry form (register, add a member): text as typed, checked for shape only. */
public class MemberFields {

    private String fullName;
    private String dateOfBirth;
    private String sex;
    private String relationToHead;
    private String citizenId;
    private String ethnicity;

    public MemberFields() {
    }

    MemberFields(String relationToHead) {
        this.relationToHead = relationToHead;
    }

    static MemberFields of(Member m) {
        MemberFields fields = new MemberFields(m.relationToHead());
        fields.fullName = m.fullName();
        fields.dateOfBirth = Forms.show(m.dateOfBirth());
        fields.sex = m.sex();
        fields.citizenId = m.citizenId();
        fields.ethnicity = m.ethnicity();
        return fields;
    }

    /** A row left empty (the relation's default alone does not count): not a member. */
    public boolean empty() {
        return Forms.blank(fullName) && Forms.blank(dateOfBirth) && Forms.blank(sex) && Forms.blank(citizenId)
                && Forms.blank(ethnicity);
    }

    /**
     * Checks the shape of the person's fields named {@code prefix + field}: a name, a real date of birth, a sex and
     * a relation. The citizen id's digits and every rule of the registry are household-service's to judge.
     *
     * @return the person as household-service's MemberRequest, or null when a field has the wrong shape
     */
    Map<String, Object> request(String prefix, FormErrors errors, Reasons reasons) {
        if (Forms.blank(fullName)) {
            errors.add(prefix + "fullName", reasons.text("form.error.fullName"));
        }
        LocalDate born = Forms.date(prefix + "dateOfBirth", dateOfBirth, true, errors, reasons);
        if (Forms.blank(sex)) {
            errors.add(prefix + "sex", reasons.text("form.error.sex"));
        }
        if (Forms.blank(relationToHead)) {
            errors.add(prefix + "relationToHead", reasons.text("form.error.relation"));
        }
        if (Forms.blank(fullName) || born == null || Forms.blank(sex) || Forms.blank(relationToHead)) {
            return null;
        }
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("fullName", fullName.strip());
        member.put("dateOfBirth", born);
        member.put("sex", sex);
        member.put("citizenId", Forms.text(citizenId) == null ? null : citizenId.replaceAll("\\s", ""));
        member.put("relationToHead", relationToHead);
        member.put("sensitive", Forms.blank(ethnicity) ? null : Map.of("ethnicity", ethnicity.strip()));
        return member;
    }

    /** The form field for a field of household-service's MemberRequest ({@code sensitive.ethnicity} → ethnicity). */
    static String formField(String serviceField) {
        if (serviceField == null || serviceField.isEmpty()) {
            return "fullName";
        }
        return switch (serviceField) {
            case "fullName", "dateOfBirth", "sex", "relationToHead", "citizenId" -> serviceField;
            case "sensitive.ethnicity", "sensitive" -> "ethnicity";
            default -> null;
        };
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(String dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public String getRelationToHead() {
        return relationToHead;
    }

    public void setRelationToHead(String relationToHead) {
        this.relationToHead = relationToHead;
    }

    public String getCitizenId() {
        return citizenId;
    }

    public void setCitizenId(String citizenId) {
        this.citizenId = citizenId;
    }

    public String getEthnicity() {
        return ethnicity;
    }

    public void setEthnicity(String ethnicity) {
        this.ethnicity = ethnicity;
    }
}
