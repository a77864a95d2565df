package vn.giamngheo.portal.cards;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.signin.AccessTokens;

/**
 * Health-insurance coverage per commune against the 100 % target (Phú Thọ's 2026 plan), from reporting-service's
 * figures of the province's communes on a day: people aged 6 or more in poor and near-poor households, those with a
 * valid card, the share and the gap in people. The communes furthest from the target come first.
 */
@Controller
class CoverageController {

    /** The province: the area whose communes the page lists. */
    static final String PROVINCE = "25";

    record Coverage(long eligible, long covered, BigDecimal percent, String note) {

        /** People still without a card. */
        public long gap() {
            return Math.max(0, eligible - covered);
        }
    }

    record Figures(String area, String areaName, Coverage healthInsurance) {
    }

    record Area(String code, String name) {
    }

    record UnitRows(Area area, LocalDate asOf, Figures total, List<Figures> units) {
    }

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Reasons reasons;

    CoverageController(ServiceClient services, AccessTokens tokens, Reasons reasons) {
        this.services = services;
        this.tokens = tokens;
        this.reasons = reasons;
    }

    @GetMapping("/the-bhyt/bao-phu")
    String coverage(@RequestParam(required = false) String asOf, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        LocalDate day = Forms.date("asOf", asOf, false, errors, reasons);
        model.addAttribute("asOf", asOf);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return "cards/coverage";
        }
        UnitRows rows = services.get(Service.REPORTING, u -> {
            u.path("/api/v1/areas/{area}/units");
            if (day != null) {
                u.queryParam("asOf", day.toString());
            }
            return u.build(PROVINCE);
        }, UnitRows.class, tokens.current());
        model.addAttribute("rows", rows);
        model.addAttribute("communes", rows.units().stream().sorted(Comparator
                .comparing((Figures f) -> f.healthInsurance().percent() == null ? BigDecimal.valueOf(101)
                        : f.healthInsurance().percent())
                .thenComparing(f -> -f.healthInsurance().gap())
                .thenComparing(Figures::areaName)).toList());
        return "cards/coverage";
    }
}
