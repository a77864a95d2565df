package vn.giamngheo.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.giamngheo.notification.NotificationServiceApplication;
import vn.giamngheo.testsupport.TestInfrastructureConfiguration;

class TemplatesTest {

    static final Templates TEMPLATES = Templates.load("classpath:templates/messages/");

    @Test
    void aGrantedLoanNamesTheBenefitTheCeilingAndTheRateInVietnamese() {
        Templates.Rendered sms = TEMPLATES.render(MessageKind.BENEFIT_GRANTED, MessageKind.vars(
                "policyCode", "POOR_HOUSEHOLD_LOAN", "forPerson", false, "entitlementKind", "LOAN", "sharePercent", 0,
                "amountVnd", 0L, "period", "", "ceilingVnd", 100_000_000L, "interestRatePercent", "6,6",
                "reason", "Hộ nghèo.", "validFrom", "01/01/2027"));

        assertThat(sms.template()).isEqualTo("benefit-granted.v1.ftl");
        assertThat(sms.subject()).isNull();
        assertThat(sms.text()).isEqualTo("UBND xã/phường thông báo: hộ gia đình ông/bà được hưởng vay vốn ưu đãi hộ "
                + "nghèo từ ngày 01/01/2027, vay tối đa 100.000.000 đồng, lãi suất 6,6%/năm. Chi tiết xin liên hệ "
                + "UBND xã/phường.");
        assertThat(Normalizer.isNormalized(sms.text(), Normalizer.Form.NFC)).isTrue();
        assertThat(new String(sms.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(sms.text());
    }

    /** A student loan's ceiling is per month of study (Decision 05/2022/QĐ-TTg): the text says so. */
    @Test
    void aStudentLoanSaysItsCeilingIsPerMonthOfStudy() {
        String text = TEMPLATES.render(MessageKind.BENEFIT_GRANTED, MessageKind.vars(
                "policyCode", "STUDENT_LOAN", "forPerson", true, "entitlementKind", "LOAN", "sharePercent", 0,
                "amountVnd", 0L, "period", "MONTHLY", "ceilingVnd", 4_000_000L, "interestRatePercent", "6,24",
                "reason", "", "validFrom", "01/09/2026")).text();
        assertThat(text).contains("vay tối đa 4.000.000 đồng mỗi tháng học, lãi suất 6,24%/năm");
    }

    @Test
    void cashPremiumAndClassMessagesCarryTheirValues() {
        assertThat(TEMPLATES.render(MessageKind.BENEFIT_GRANTED, MessageKind.vars(
                "policyCode", "ELECTRICITY_SUPPORT", "forPerson", false, "entitlementKind", "CASH", "sharePercent", 0,
                "amountVnd", 59_520L, "period", "QUARTERLY", "ceilingVnd", 0L, "interestRatePercent", "",
                "reason", "", "validFrom", "01/01/2027")).text())
                .contains("hỗ trợ tiền điện từ ngày 01/01/2027, mức 59.520 đồng/quý.");
        assertThat(TEMPLATES.render(MessageKind.BENEFIT_CHANGED, MessageKind.vars(
                "policyCode", "HEALTH_INSURANCE_PREMIUM", "forPerson", true, "entitlementKind", "PREMIUM_SHARE",
                "sharePercent", 70, "amountVnd", 0L, "period", "", "ceilingVnd", 0L, "interestRatePercent", "",
                "reason", "", "effectiveDate", "01/07/2027")).text())
                .contains("từ ngày 01/07/2027, chính sách hỗ trợ đóng bảo hiểm y tế của một thành viên trong hộ gia "
                        + "đình ông/bà thay đổi, mức hỗ trợ 70% mức đóng.");
        String poor = TEMPLATES.render(MessageKind.CLASS_CHANGED, MessageKind.vars("toClass", "POOR",
                "fromClass", "MIDDLE", "transition", "NEWLY_POOR", "decisionNumber", "125/QĐ-UBND",
                "decisionDate", "15/12/2026", "effectiveDate", "01/01/2027", "newlyEscapedUntil", "")).text();
        assertThat(poor).isEqualTo("UBND xã/phường thông báo: theo Quyết định số 125/QĐ-UBND ngày 15/12/2026, hộ gia "
                + "đình ông/bà được công nhận là hộ nghèo từ ngày 01/01/2027.");
        String escaped = TEMPLATES.render(MessageKind.CLASS_CHANGED, MessageKind.vars("toClass", "MIDDLE",
                "fromClass", "POOR", "transition", "ESCAPED_POVERTY", "decisionNumber", "7/QĐ-UBND",
                "decisionDate", "10/12/2027", "effectiveDate", "01/01/2028", "newlyEscapedUntil", "31/12/2030"))
                .text();
        assertThat(escaped).contains("đã thoát hộ nghèo, là hộ có mức sống trung bình từ ngày 01/01/2028")
                .endsWith("Hộ được hưởng chính sách hộ mới thoát nghèo đến hết ngày 31/12/2030.");
    }

    @Test
    void anEmailHasASubjectLineAndAText() {
        Templates.Rendered mail = TEMPLATES.render(MessageKind.POSTING_ENDED, MessageKind.POSTING_ENDED.sample());
        assertThat(mail.subject()).isEqualTo("[Giảm nghèo] Hết thời hạn niêm yết kết quả rà soát - đơn vị 08707");
        assertThat(mail.text()).startsWith("Kính gửi cán bộ phụ trách,")
                .contains("định kỳ hằng năm (đợt 08707-2026-annual-3f2a9c10), từ ngày 30/11/2026 đến hết ngày "
                        + "02/12/2026, đã kết thúc. Đợt rà soát có 42 hộ, trong đó 40 hộ");
    }

    @Test
    void theNewestVersionOfATemplateIsUsed(@TempDir Path folder) throws IOException {
        copyTemplates(folder);
        Files.writeString(folder.resolve("card-issued.v2.ftl"), "Thẻ BHYT số ${cardNumber} đã được cấp.");

        Templates templates = Templates.load(folder.toUri().toString());

        assertThat(templates.render(MessageKind.CARD_ISSUED, MessageKind.CARD_ISSUED.sample()))
                .isEqualTo(new Templates.Rendered("card-issued.v2.ftl", null, "Thẻ BHYT số HN2250123456789 đã được cấp."));
    }

    @Test
    void aTemplateUsingAVariableItsKindDoesNotSupplyFailsToLoadNamingFileLineAndVariable(@TempDir Path folder)
            throws IOException {
        copyTemplates(folder);
        Files.writeString(folder.resolve("benefit-granted.v2.ftl"), "Hộ được hưởng chính sách\ntừ ${validFrom}, "
                + "số tiền ${amount} đồng.");

        assertThatThrownBy(() -> Templates.load(folder.toUri().toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("benefit-granted.v2.ftl line 2")
                .hasMessageContaining("'amount' is missing");
    }

    @Test
    void aMissingKindAnUnknownTemplateAndAnEmailWithoutSubjectAreAllReported(@TempDir Path folder)
            throws IOException {
        copyTemplates(folder);
        Files.delete(folder.resolve("card-issued.v1.ftl"));
        Files.writeString(folder.resolve("card-lost.v1.ftl"), "Thẻ bị mất.");
        Files.writeString(folder.resolve("card-failed.v2.ftl"), "Chỉ một dòng ${requestId}");

        assertThatThrownBy(() -> Templates.load(folder.toUri().toString()))
                .hasMessageContaining("card-issued.v1.ftl: missing")
                .hasMessageContaining("card-lost.*.ftl: no message kind uses this template")
                .hasMessageContaining("card-failed.v2.ftl: an e-mail template starts with the subject line");
    }

    @Test
    void theServiceDoesNotStartWithABrokenTemplate(@TempDir Path folder) throws IOException {
        copyTemplates(folder);
        Files.writeString(folder.resolve("card-issued.v2.ftl"), "Thẻ số ${cardNumber}, hạn ${expiry}.");

        assertThatThrownBy(() -> new SpringApplicationBuilder(NotificationServiceApplication.class,
                TestInfrastructureConfiguration.class)
                .run("--notification.messages.templates=" + folder.toUri(), "--spring.main.web-application-type=none",
                        "--spring.mongodb.database=templates-test", "--BHXH_TOKEN=t", "--BHXH_CALLBACK_SECRET=s",
                        "--SMS_GATEWAY_TOKEN=t", "--SMS_CALLBACK_SECRET=s").close())
                .rootCause()
                .hasMessageContaining("card-issued.v2.ftl line 1")
                .hasMessageContaining("'expiry' is missing");
    }

    @Test
    void everyKindRendersItsSample() {
        for (MessageKind kind : MessageKind.values()) {
            assertThat(TEMPLATES.render(kind, kind.sample()).text()).as(kind.name()).isNotBlank();
        }
        assertThatThrownBy(() -> TEMPLATES.render(MessageKind.CARD_ISSUED, Map.of("cardNumber", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void copyTemplates(Path folder) throws IOException {
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:templates/messages/*.ftl")) {
            Files.write(folder.resolve(resource.getFilename()), resource.getContentAsByteArray());
        }
    }
}
