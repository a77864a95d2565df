package vn.giamngheo.portal.cards;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;

/**
 * The filters of the lists notification-service keeps (card requests, messages): a status from a closed set, a
 * commune, the days created typed dd/MM/yyyy — checked here for their shape, each error beside its field, and turned
 * into the service's query ({@code yyyy-MM-dd}, newest first). A GET form: a filtered list is a link.
 */
public record DeskFilters(String status, String unitCode, String channel, String from, String to,
        LocalDate fromDay, LocalDate toDay, String householdId) {

    /** How many rows a list page asks for. */
    public static final int LIMIT = 300;

    /** The filters as typed; an unknown status or channel, or a date that is not one, is an error on its field. */
    public static DeskFilters of(MultiValueMap<String, String> query, List<String> statuses, List<String> channels,
            FormErrors errors, Reasons reasons) {
        String status = Forms.text(query.getFirst("status"));
        if (status != null && !statuses.contains(status)) {
            errors.add("status", reasons.text("desk.filter.error.status"));
        }
        String channel = Forms.text(query.getFirst("channel"));
        if (channel != null && !channels.contains(channel)) {
            errors.add("channel", reasons.text("desk.filter.error.channel"));
        }
        String unit = Forms.text(query.getFirst("unitCode"));
        if (unit != null && !unit.matches("\\d{5}")) {
            errors.add("unitCode", reasons.text("form.error.unitCode"));
        }
        String from = Forms.text(query.getFirst("from"));
        String to = Forms.text(query.getFirst("to"));
        LocalDate fromDay = Forms.date("from", from, false, errors, reasons);
        LocalDate toDay = Forms.date("to", to, false, errors, reasons);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("to", reasons.text("desk.filter.error.toBeforeFrom"));
        }
        // One household's rows: where a retry or a resend comes back to (the row moved on from the status filtered).
        String household = Forms.text(query.getFirst("householdId"));
        if (household != null) {
            RegistryCalls.requireId(household);
        }
        return new DeskFilters(status, unit, channel, from, to, fromDay, toDay, household);
    }

    public boolean any() {
        return status != null || unitCode != null || channel != null || from != null || to != null
                || householdId != null;
    }

    /** The service's list at {@code path} with these filters, newest first. */
    public Function<UriBuilder, URI> query(String path) {
        return u -> {
            u.path(path).queryParam("order", "newest").queryParam("limit", LIMIT);
            if (status != null) {
                u.queryParam("status", status);
            }
            if (channel != null) {
                u.queryParam("channel", channel);
            }
            if (unitCode != null) {
                u.queryParam("unitCode", unitCode);
            }
            if (householdId != null) {
                u.queryParam("householdId", householdId);
            }
            if (fromDay != null) {
                u.queryParam("from", fromDay.toString());
            }
            if (toDay != null) {
                u.queryParam("to", toDay.toString());
            }
            return u.build();
        };
    }
}
