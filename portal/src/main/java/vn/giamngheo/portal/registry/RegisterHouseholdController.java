package vn.giamngheo.portal.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * Register a household (đăng ký hộ): its unit (one of the person's), village, day of registration and members, with
 * the privacy notice given to it and how (Decree 13/2023 Art. 13), which household-service records with the household.
 * The form has a fixed number of member rows; "thêm dòng" posts the form back with more, so it needs no script.
 */
@Controller
class RegisterHouseholdController {

    static final int FIRST_ROWS = 6;
    static final int MORE_ROWS = 3;
    /** household-service's limit for one household. */
    static final int MAX_ROWS = 40;

    private final RegistryCalls calls;
    private final Units units;
    private final RegistryProperties properties;

    RegisterHouseholdController(RegistryCalls calls, Units units, RegistryProperties properties) {
        this.calls = calls;
        this.units = units;
        this.properties = properties;
    }

    /** The form as posted; text as typed. */
    public static class RegisterForm {
        private String unitCode;
        private String village;
        private String registeredOn;
        private List<MemberFields> members = new ArrayList<>();
        private String noticeMethod;
        private String noticeGivenTo;
        private boolean consented;

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        public String getVillage() {
            return village;
        }

        public void setVillage(String village) {
            this.village = village;
        }

        public String getRegisteredOn() {
            return registeredOn;
        }

        public void setRegisteredOn(String registeredOn) {
            this.registeredOn = registeredOn;
        }

        public List<MemberFields> getMembers() {
            return members;
        }

        public void setMembers(List<MemberFields> members) {
            this.members = members;
        }

        public String getNoticeMethod() {
            return noticeMethod;
        }

        public void setNoticeMethod(String noticeMethod) {
            this.noticeMethod = noticeMethod;
        }

        public String getNoticeGivenTo() {
            return noticeGivenTo;
        }

        public void setNoticeGivenTo(String noticeGivenTo) {
            this.noticeGivenTo = noticeGivenTo;
        }

        public boolean isConsented() {
            return consented;
        }

        public void setConsented(boolean consented) {
            this.consented = consented;
        }
    }

    @GetMapping("/ho-gia-dinh/dang-ky")
    String form(Model model) {
        RegisterForm form = new RegisterForm();
        form.setRegisteredOn(Forms.show(LocalDate.now(VietnameseFormats.VIETNAM)));
        List<Units.Unit> mine = units.of(PageModel.current());
        if (mine.size() == 1) {
            form.setUnitCode(mine.getFirst().code());
        }
        addRows(form, FIRST_ROWS);
        return page(form, new FormErrors(), model);
    }

    @PostMapping("/ho-gia-dinh/dang-ky")
    String register(@ModelAttribute("form") RegisterForm form, @RequestParam(required = false) String action,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if ("addRows".equals(action)) {
            addRows(form, MORE_ROWS);
            return page(form, new FormErrors(), model);
        }
        FormErrors errors = new FormErrors();
        Reasons reasons = calls.reasons();
        if (Forms.blank(form.getUnitCode())) {
            errors.add("unitCode", reasons.text("form.error.unitCode"));
        }
        if (Forms.blank(form.getVillage())) {
            errors.add("village", reasons.text("form.error.village"));
        }
        LocalDate registeredOn = Forms.date("registeredOn", form.getRegisteredOn(), false, errors, reasons);
        // The request lists the filled rows only: which row each of its members came from.
        List<Integer> rowOf = new ArrayList<>();
        List<Map<String, Object>> members = new ArrayList<>();
        for (int row = 0; row < form.getMembers().size(); row++) {
            MemberFields m = form.getMembers().get(row);
            if (m == null || m.empty()) {
                continue;
            }
            rowOf.add(row);
            members.add(m.request("members[" + row + "].", errors, reasons));
        }
        if (rowOf.isEmpty()) {
            errors.add("members[0].fullName", reasons.text("form.error.noMembers"));
        }
        if (Forms.blank(form.getNoticeMethod())) {
            errors.add("noticeMethod", reasons.text("form.error.noticeMethod"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
            return page(form, errors, model);
        }
        LocalDate day = registeredOn == null ? LocalDate.now(VietnameseFormats.VIETNAM) : registeredOn;
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("version", properties.privacyNoticeVersion());
        notice.put("givenOn", day);
        notice.put("method", form.getNoticeMethod());
        notice.put("givenTo", Forms.text(form.getNoticeGivenTo()));
        notice.put("consented", form.isConsented());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("unitCode", form.getUnitCode().strip());
        request.put("village", form.getVillage().strip());
        request.put("members", members);
        request.put("registeredOn", registeredOn);
        request.put("privacyNotice", notice);
        Household registered = calls.send(Service.HOUSEHOLD, HttpMethod.POST, u -> u.path("/api/v1/households")
                .build(), request, Household.class, field -> formField(field, rowOf), errors);
        if (registered == null) {
            response.setStatus(errors.status());
            return page(form, errors, model);
        }
        redirect.addFlashAttribute("changed", reasons.text("register.done", registered.headName(),
                registered.activeMembers().size(), units.name(registered.unitCode()), registered.village()));
        return "redirect:/ho-gia-dinh/" + registered.id();
    }

    /** The form field for a field household-service named; null for one the form does not have. */
    static String formField(String field, List<Integer> rowOf) {
        RegistryCalls.Indexed indexed = RegistryCalls.Indexed.of(field);
        if (indexed != null && indexed.list().equals("members") && indexed.index() < rowOf.size()) {
            String memberField = MemberFields.formField(indexed.rest());
            return memberField == null ? null : "members[" + rowOf.get(indexed.index()) + "]." + memberField;
        }
        return switch (field) {
            case "unitCode", "village", "registeredOn" -> field;
            case "members" -> "members[0].relationToHead";
            case "privacyNotice.method" -> "noticeMethod";
            case "privacyNotice.givenTo" -> "noticeGivenTo";
            default -> null;
        };
    }

    private static void addRows(RegisterForm form, int rows) {
        for (int i = 0; i < rows && form.getMembers().size() < MAX_ROWS; i++) {
            form.getMembers().add(new MemberFields(form.getMembers().isEmpty() ? "HEAD" : null));
        }
    }

    private String page(RegisterForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("unitChoices", units.of(PageModel.current()));
        model.addAttribute("sexes", Choices.SEXES);
        model.addAttribute("relations", Choices.RELATIONS);
        model.addAttribute("noticeMethods", Choices.NOTICE_METHODS);
        model.addAttribute("noticeVersion", properties.privacyNoticeVersion());
        model.addAttribute("canAddRows", form.getMembers().size() < MAX_ROWS);
        return "registry/register";
    }
}
