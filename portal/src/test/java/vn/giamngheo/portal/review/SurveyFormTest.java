package vn.giamngheo.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Reasons;

/** The survey's answers as typed → household-service's survey body, and its field names back to the form's. */
class SurveyFormTest {

    private final Reasons reasons = reasons();

    static Reasons reasons() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return new Reasons(messages);
    }

    static SurveyForm.Member member(String born) {
        SurveyForm.Member m = new SurveyForm.Member();
        m.setDateOfBirth(born);
        m.setHasHealthInsurance("true");
        m.setAttendingSchool("false");
        m.setEducation("UPPER_SECONDARY");
        m.setEmployment("SELF_EMPLOYED");
        return m;
    }

    @Test
    void answersTypedTheVietnameseWayBecomeTheSurveyBodyWithTheFilledMemberRowsOnly() {
        SurveyForm form = new SurveyForm();
        form.setAnnualIncomeVnd("54.000.000");
        form.setMemberCount("3");
        form.setMembers(List.of(member("04/03/1970"), new SurveyForm.Member(), member("7/6/2005")));
        form.setFloorAreaM2("45,5");
        form.setHasDwelling("true");
        form.setWaterSource("PIPED");
        form.setInformationMeans(List.of("TELEVISION"));
        FormErrors errors = new FormErrors();
        Map<String, Object> body = form.toRequestBody(errors, reasons);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(body).containsEntry("annualIncomeVnd", 54_000_000L).containsEntry("memberCount", 3)
                .doesNotContainKey("monthlyIncomePerCapitaVnd");
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) body.get("facts");
        assertThat((List<?>) facts.get("members")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) facts.get("members")).get(1)).get("dateOfBirth"))
                .isEqualTo(LocalDate.of(2005, 6, 7));
        assertThat(facts).containsEntry("floorAreaM2", new BigDecimal("45.5")).containsEntry("hasDwelling", true)
                .containsEntry("wallsDurable", null).containsEntry("informationMeans", Set.of("TELEVISION"));
        // The service's index 1 is the form's row 2 (row 1 was left empty and not sent).
        assertThat(form.formField("facts.members[1].dateOfBirth")).isEqualTo("members[2].dateOfBirth");
        assertThat(form.formField("facts.members[0].employment")).isEqualTo("members[0].employment");
        assertThat(form.formField("facts.latrine")).isEqualTo("latrine");
        assertThat(form.formField("annualIncomeVnd")).isEqualTo("annualIncomeVnd");
        assertThat(form.formField("survey.", "survey.facts.roofDurable")).isEqualTo("roofDurable");
        assertThat(form.formField("facts.somethingElse")).isNull();
    }

    @Test
    void aDraftWithIncomeOnlySendsNoFactsAndMonthlyIncomeSendsNoAnnual() {
        SurveyForm form = new SurveyForm();
        form.setIncomeMode("MONTHLY");
        form.setMonthlyIncomePerCapitaVnd("1 500 000");
        form.setAnnualIncomeVnd("99");
        Map<String, Object> body = form.toRequestBody(new FormErrors(), reasons);
        assertThat(body).containsOnlyKeys("monthlyIncomePerCapitaVnd").containsEntry("monthlyIncomePerCapitaVnd",
                1_500_000L);
    }

    @Test
    void notANumberNotADayAndNotAnAreaAreErrorsOnTheirFields() {
        SurveyForm form = new SurveyForm();
        form.setAnnualIncomeVnd("năm mươi triệu");
        form.setMembers(List.of(member("31/02/1980")));
        form.setFloorAreaM2("-3");
        FormErrors errors = new FormErrors();
        form.toRequestBody(errors, reasons);
        assertThat(errors.of("annualIncomeVnd")).contains("không phải một số");
        assertThat(errors.of("members[0].dateOfBirth")).contains("31/02/1980");
        assertThat(errors.of("floorAreaM2")).contains("không phải một diện tích");
    }

    @Test
    void theRecordedAnswersFillTheFormAgain() {
        ReviewViews.Answers answers = new ReviewViews.Answers(54_000_000L, 3, null, null, new ReviewViews.Facts(
                List.of(new ReviewViews.AnswerMember(LocalDate.of(1970, 3, 4), true, false, "PRIMARY",
                        "UNEMPLOYED", null, null, null)), new BigDecimal("45.50"), true, false, true, false,
                "BOREHOLE", "NONE", true, false, Set.of("RADIO"), null, null));
        SurveyForm form = SurveyForm.of(answers, null);
        assertThat(form.getAnnualIncomeVnd()).isEqualTo("54.000.000");
        assertThat(form.getMembers().getFirst().getDateOfBirth()).isEqualTo("04/03/1970");
        assertThat(form.getMembers().getFirst().getEmployment()).isEqualTo("UNEMPLOYED");
        assertThat(form.getFloorAreaM2()).isEqualTo("45,5");
        assertThat(form.getWallsDurable()).isEqualTo("false");
        assertThat(form.has("RADIO")).isTrue();
        assertThat(form.toRequestBody(new FormErrors(), reasons)).containsEntry("annualIncomeVnd", 54_000_000L);
    }
}
