package vn.giamngheo.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding, correcting, removing and moving a member; changing the head; the phone number for messages. */
class MemberFormsTest extends RegistryFormTest {

    @BeforeEach
    void household() {
        SERVICES.json("GET", "/api/v1/households/h-1", 200, HOUSEHOLD);
    }

    @Test
    void aMemberIsAddedAsThePersonAndThePageConfirmsWho() throws Exception {
        SERVICES.json("POST", "/api/v1/households/h-1/members", 200, HOUSEHOLD);
        mvc.perform(post("/ho-gia-dinh/h-1/them-thanh-vien").with(hoa()).with(csrf())
                        .param("member.fullName", "Nguyễn Văn Đạt").param("member.dateOfBirth", "3/4/2024")
                        .param("member.sex", "MALE").param("member.relationToHead", "GRANDCHILD"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ho-gia-dinh/h-1"))
                .andExpect(flash().attribute("changed", "Đã thêm Nguyễn Văn Đạt vào hộ (cháu)."));
        FakeService.Request sent = SERVICES.changes().getFirst();
        assertThat(sent.authorization()).isEqualTo("Bearer access-token");
        assertThat(sent.text()).contains("\"member\":{\"fullName\":\"Nguyễn Văn Đạt\",\"dateOfBirth\":\"2024-04-03\"");
    }

    @Test
    void theServicesFieldErrorForTheNewMemberIsBesideItsField() throws Exception {
        SERVICES.json("POST", "/api/v1/households/h-1/members", 409, """
                {"status":409,"detail":"member.citizenId: is already an active member of household h-7",
                 "errors":[{"field":"member.citizenId","reason":"is already an active member of household h-7"}]}""");
        mvc.perform(post("/ho-gia-dinh/h-1/them-thanh-vien").with(hoa()).with(csrf())
                        .param("member.fullName", "Nguyễn Văn Đạt").param("member.dateOfBirth", "03/04/1990")
                        .param("member.sex", "MALE").param("member.relationToHead", "CHILD")
                        .param("member.citizenId", "026090000777"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#member-citizenId\">Người có số CCCD này đang là thành viên của hộ h-7."),
                        containsString("id=\"member-citizenId-error\""), containsString("value=\"026090000777\""),
                        containsString("value=\"Nguyễn Văn Đạt\""))));
    }

    @Test
    void aMissingSexAndARelationAreAskedForBeforeAnythingIsSent() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-1/them-thanh-vien").with(hoa()).with(csrf())
                        .param("member.fullName", "Nguyễn Văn Đạt").param("member.dateOfBirth", "03/04/2024"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#member-sex\">Hãy chọn giới tính.</a>"),
                        containsString("<a href=\"#member-relationToHead\">Hãy chọn quan hệ với chủ hộ.</a>"))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aCorrectionSendsOnlyWhatChangedWithTheReason() throws Exception {
        SERVICES.json("POST", "/api/v1/households/h-1/members/p-2/correction", 200,
                HOUSEHOLD.replace("\"2005-06-07\"", "\"2005-07-06\""));
        mvc.perform(get("/ho-gia-dinh/h-1/thanh-vien/p-2/sua").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Nguyễn Thị Cúc\""),
                        containsString("value=\"07/06/2005\""))));
        mvc.perform(post("/ho-gia-dinh/h-1/thanh-vien/p-2/sua").with(hoa()).with(csrf())
                        .param("fullName", "Nguyễn Thị Cúc").param("dateOfBirth", "06/07/2005").param("sex", "FEMALE")
                        .param("citizenId", "").param("ethnicity", "").param("reason", "Theo giấy khai sinh"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed", "Đã sửa thông tin của Nguyễn Thị Cúc: ngày sinh."));
        assertThat(SERVICES.changes().getFirst().text()).isEqualTo(
                "{\"dateOfBirth\":\"2005-07-06\",\"reason\":\"Theo giấy khai sinh\",\"effectiveDate\":null}");
    }

    @Test
    void aCorrectionWithoutAReasonIsAskedForIt() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-1/thanh-vien/p-2/sua").with(hoa()).with(csrf())
                        .param("fullName", "Nguyễn Thị Cúc").param("dateOfBirth", "31/02/2005").param("sex", "FEMALE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#dateOfBirth\">“31/02/2005” không phải"),
                        containsString("<a href=\"#reason\">Hãy ghi lý do"))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aRemovalIsCheckedBeforeItIsSentAndCanBeEdited() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-1/thanh-vien/p-2/xoa").with(hoa()).with(csrf()).param("reason", "DIED")
                        .param("effectiveDate", "01/12/2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kiểm tra trước khi gửi"),
                        containsString("<h1>Xoá Nguyễn Thị Cúc khỏi hộ</h1>"), containsString("<dd>Đã mất</dd>"),
                        containsString("<input type=\"hidden\" name=\"reason\" value=\"DIED\">"),
                        containsString("name=\"action\" value=\"send\""))));
        assertThat(SERVICES.changes()).isEmpty();
        mvc.perform(post("/ho-gia-dinh/h-1/thanh-vien/p-2/xoa").with(hoa()).with(csrf()).param("reason", "DIED")
                        .param("effectiveDate", "01/12/2026").param("action", "edit"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("value=\"DIED\" checked=\"checked\""), containsString("value=\"01/12/2026\""))));
        SERVICES.json("POST", "/api/v1/households/h-1/members/p-2/removal", 200, HOUSEHOLD);
        mvc.perform(post("/ho-gia-dinh/h-1/thanh-vien/p-2/xoa").with(hoa()).with(csrf()).param("reason", "DIED")
                        .param("effectiveDate", "01/12/2026").param("action", "send"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed", "Đã xoá Nguyễn Thị Cúc khỏi hộ (đã mất)."));
        assertThat(SERVICES.changes()).hasSize(1);
        assertThat(SERVICES.changes().getFirst().text()).isEqualTo(
                "{\"reason\":\"DIED\",\"effectiveDate\":\"2026-12-01\"}");
    }

    @Test
    void aMoveToAnUnknownHouseholdIsSaidBesideItsCode() throws Exception {
        SERVICES.json("POST", "/api/v1/households/h-1/members/p-2/move", 404, """
                {"status":404,"detail":"Household h-9"}""");
        mvc.perform(post("/ho-gia-dinh/h-1/thanh-vien/p-2/chuyen-ho").with(hoa()).with(csrf())
                        .param("toHouseholdId", "h-9").param("relationToHead", "SPOUSE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#toHouseholdId\">Không có hộ mã h-9.")));
    }

    @Test
    void theHeadIsChangedWithTheServicesRuleShownBesideTheRelation() throws Exception {
        SERVICES.refuse("POST", "/api/v1/households/h-1/head", "previousHeadRelation",
                "the previous head cannot stay head");
        mvc.perform(get("/ho-gia-dinh/h-1/doi-chu-ho").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<legend>Ai làm chủ hộ mới?</legend>"),
                        containsString("Nguyễn Thị Cúc (Con)"), not(containsString("Nguyễn Văn Bình (Chủ hộ)")))));
        mvc.perform(post("/ho-gia-dinh/h-1/doi-chu-ho").with(hoa()).with(csrf()).param("newHeadPersonId", "p-2")
                        .param("previousHeadRelation", "PARENT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#previousHeadRelation\">Chủ hộ cũ không thể"),
                        containsString("id=\"previousHeadRelation-error\""))));
    }

    @Test
    void thePhoneNumberGoesToNotificationServiceAndItsRefusalIsBesideTheField() throws Exception {
        SERVICES.refuse("PUT", "/api/v1/contacts/households/h-1", "phone",
                "must be a Vietnamese mobile number, e.g. 0912345678 or +84912345678");
        mvc.perform(post("/ho-gia-dinh/h-1/so-dien-thoai").with(hoa()).with(csrf()).param("phone", "12345"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#phone\">Số điện thoại di động Việt Nam"),
                        containsString("value=\"12345\""))));
        SERVICES.json("PUT", "/api/v1/contacts/households/h-1", 200, """
                {"householdId":"h-1","phone":"+8491*****78","optOut":[]}""");
        mvc.perform(post("/ho-gia-dinh/h-1/so-dien-thoai").with(hoa()).with(csrf()).param("phone", "0912 345 678"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed", "Đã lưu số điện thoại nhận tin nhắn +8491*****78."));
        assertThat(SERVICES.changes().getLast().text()).isEqualTo("{\"phone\":\"0912 345 678\",\"optOut\":[]}");
    }

    @Test
    void aHouseholdOutsideThePersonsUnitsIsTheForbiddenPage() throws Exception {
        SERVICES.json("GET", "/api/v1/households/h-other", 403, "{\"status\":403,\"detail\":\"outside your units\"}");
        mvc.perform(get("/ho-gia-dinh/h-other/them-thanh-vien").with(hoa())).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("không thuộc đơn vị bạn phụ trách")));
    }

    @Test
    void aServiceThatIsDownWhileSavingKeepsTheFormAndSaysSo() throws Exception {
        SERVICES.json("POST", "/api/v1/households/h-1/head", 503, "{\"status\":503}");
        mvc.perform(post("/ho-gia-dinh/h-1/doi-chu-ho").with(hoa()).with(csrf()).param("newHeadPersonId", "p-2")
                        .param("previousHeadRelation", "PARENT"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("đang gặp sự cố nên chưa lưu được"),
                        containsString("value=\"p-2\" checked=\"checked\""), not(containsString("Exception")))));
    }
}
