package vn.giamngheo.portal.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.portal.cards.DeskPageTest;

/** The Sở NN&MT's pages: messages (filters, "Gửi lại") and officers' contacts (the form's errors beside the fields). */
class MessagePagesTest extends DeskPageTest {

    private static final String FAILED_SMS = """
            {"id":"sms-0a1b2c","kind":"BENEFIT_GRANTED","channel":"SMS","recipientKind":"HOUSEHOLD",
             "recipientId":"h-1","householdId":"h-1","unitCode":"08716","to":"+8491****000",
             "text":"UBND phường thông báo…","status":"FAILED","attempts":1,
             "lastError":"not delivered: handset unreachable","createdAt":"2026-11-12T03:00:00Z"}""";
    private static final String OFFICER_MAIL = """
            {"id":"email-9f8e","kind":"CARD_FAILED","channel":"EMAIL","recipientKind":"OFFICER",
             "recipientId":"can-bo-08716","householdId":"h-1","unitCode":"08716","to":"hu***@phutho.gov.vn",
             "subject":"Thẻ BHYT chưa cấp được","text":"Yêu cầu cấp thẻ…","status":"SENT","attempts":1,
             "createdAt":"2026-11-12T03:00:10Z"}""";
    private static final String OFFICERS = """
            [{"officerId":"can-bo-08716","name":"Trần Văn Hùng","email":"hung@phutho.gov.vn","units":["08716"],
              "optOut":[]}]""";

    @Test
    void theListAsksForTheFiltersAndOnlyAFailedMessageHasTheResendButton() throws Exception {
        SERVICES.json("GET", "/api/v1/messages", 200, "[" + FAILED_SMS + "," + OFFICER_MAIL + "]");
        String page = mvc.perform(get("/tin-nhan").with(duc()).param("status", "FAILED").param("channel", "SMS"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tin nhắn không đến được máy người nhận: handset unreachable",
                "action=\"/tin-nhan/sms-0a1b2c/gui-lai\"", "Thẻ BHYT chưa cấp được", "Cán bộ can-bo-08716",
                "href=\"/ho-gia-dinh/h-1/so-dien-thoai\"")
                .doesNotContain("/tin-nhan/email-9f8e/gui-lai");
        assertThat(calls().getFirst().query()).contains("order=newest", "status=FAILED", "channel=SMS");
    }

    @Test
    void aChannelNotOnTheListIsAnErrorBesideItsField() throws Exception {
        mvc.perform(get("/tin-nhan").with(duc()).param("channel", "FAX").param("from", "7/12/2026")
                        .param("to", "1/12/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#channel\">Hãy chọn một kênh"),
                        containsString("<a href=\"#to\">“Đến ngày” phải bằng hoặc sau “Từ ngày”."))));
        assertThat(calls()).isEmpty();
    }

    @Test
    void resendPostsAndA409IsShownPlainly() throws Exception {
        SERVICES.json("POST", "/api/v1/messages/sms-0a1b2c/resend", 200, FAILED_SMS.replace("\"FAILED\"", "\"QUEUED\""));
        mvc.perform(post("/tin-nhan/sms-0a1b2c/gui-lai").with(duc()).with(csrf()).param("householdId", "h-1"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/tin-nhan?householdId=h-1"))
                .andExpect(flash().attribute("changed", containsString("Đã gửi lại tin nhắn")));
        assertThat(SERVICES.changes()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/api/v1/messages/sms-0a1b2c/resend"));

        SERVICES.reset();
        SERVICES.json("POST", "/api/v1/messages/sms-0a1b2c/resend", 409, """
                {"status":409,"detail":"status: only a FAILED message can be resent; this one is DELIVERED",
                 "errors":[{"field":"status","reason":"only a FAILED message can be resent; this one is DELIVERED"}]}""");
        mvc.perform(post("/tin-nhan/sms-0a1b2c/gui-lai").with(duc()).with(csrf()).param("householdId", "h-1"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/tin-nhan?householdId=h-1"))
                .andExpect(flash().attribute("refused", List.of("Tin nhắn này không còn ở trạng thái “Không thành"
                        + " công” (hiện là “Đã nhận”), nên không gửi lại được. Có thể người khác vừa gửi lại.")));

        SERVICES.reset();
        SERVICES.json("POST", "/api/v1/messages/sms-0a1b2c/resend", 409, """
                {"status":409,"detail":"status: the household has no phone number on file",
                 "errors":[{"field":"status","reason":"the household has no phone number on file"}]}""");
        mvc.perform(post("/tin-nhan/sms-0a1b2c/gui-lai").with(duc()).with(csrf()))
                .andExpect(redirectedUrl("/tin-nhan"))
                .andExpect(flash().attribute("refused", List.of("Hộ chưa có số điện thoại nhận tin nhắn.")));
    }

    @Test
    void theContactsListNamesTheUnitsAndLinksToTheHouseholdsPhonePages() throws Exception {
        SERVICES.json("GET", "/api/v1/contacts/officers", 200, OFFICERS);
        mvc.perform(get("/tin-nhan/lien-he").with(duc()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Trần Văn Hùng"),
                        containsString("Phường Vĩnh Phúc (08716)"),
                        containsString("href=\"/tin-nhan/lien-he/can-bo-08716/sua\""),
                        containsString("Số điện thoại nhận tin nhắn"))));
    }

    @Test
    void aBadEmailIsTheServicesReasonBesideTheFieldWithWhatWasTypedKept() throws Exception {
        SERVICES.json("GET", "/api/v1/contacts/officers", 200, OFFICERS);
        SERVICES.refuse("PUT", "/api/v1/contacts/officers/can-bo-08716", "email", "must be an e-mail address");
        mvc.perform(post("/tin-nhan/lien-he/can-bo-08716/sua").with(duc()).with(csrf())
                        .param("name", "Trần Văn Hùng").param("email", "hung-at-phutho").param("units", "08716, 08707"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#email\">Địa chỉ thư điện tử không đúng dạng"),
                        containsString("id=\"email-error\""),
                        containsString("value=\"hung-at-phutho\""),
                        containsString("value=\"08716, 08707\""))));
        assertThat(SERVICES.changes()).singleElement().satisfies(r -> assertThat(r.text())
                .isEqualTo("{\"name\":\"Trần Văn Hùng\",\"email\":\"hung-at-phutho\",\"units\":[\"08716\",\"08707\"],"
                        + "\"optOut\":[]}"));
    }

    @Test
    void blankFieldsAreErrorsBesideThemAndNothingIsSent() throws Exception {
        mvc.perform(post("/tin-nhan/lien-he/moi").with(duc()).with(csrf()).param("name", " ").param("email", "")
                        .param("units", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#officerId\">Hãy nhập tên đăng nhập của cán bộ."),
                        containsString("<a href=\"#name\">Hãy nhập họ và tên."),
                        containsString("<a href=\"#email\">Hãy nhập địa chỉ thư điện tử."),
                        containsString("<a href=\"#units\">Hãy nhập ít nhất một mã xã, phường"))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aGoodContactIsSavedWithItsOptOutAndTheListSaysSo() throws Exception {
        SERVICES.json("PUT", "/api/v1/contacts/officers/can-bo-08716", 200, """
                {"officerId":"can-bo-08716","name":"Trần Văn Hùng","email":"hung@phutho.gov.vn","units":["*"],
                 "optOut":["EMAIL"]}""");
        mvc.perform(post("/tin-nhan/lien-he/can-bo-08716/sua").with(duc()).with(csrf())
                        .param("name", "Trần Văn Hùng").param("email", "hung@phutho.gov.vn").param("units", "*")
                        .param("noEmail", "true"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/tin-nhan/lien-he"))
                .andExpect(flash().attribute("changed", "Đã lưu liên hệ của Trần Văn Hùng (hung@phutho.gov.vn)."));
        assertThat(SERVICES.changes()).singleElement().satisfies(r -> assertThat(r.text())
                .contains("\"units\":[\"*\"]", "\"optOut\":[\"EMAIL\"]"));
    }
}
