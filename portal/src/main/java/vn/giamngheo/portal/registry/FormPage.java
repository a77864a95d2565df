package vn.giamngheo.portal.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.giamngheo.portal.registry.RegistryViews.Household;

/**
 * The pages of the forms that change one household: the form itself (with what was typed and its errors), and for a
 * legal step the check-your-answers page that posts the same values again with {@code action=send}.
 */
public final class FormPage {

    /** What the person chose to do with a posted form. */
    public enum Action {
        /** Checked, then shown to confirm (a legal step) or sent (any other change). */
        CHECK,
        /** Confirmed on the check page: send it. */
        SEND,
        /** Back from the check page to the form, with what was typed. */
        EDIT;

        public static Action of(String action) {
            return switch (action == null ? "" : action) {
                case "send" -> SEND;
                case "edit" -> EDIT;
                default -> CHECK;
            };
        }
    }

    /** One line of the check page: a question and the answer that will be sent. */
    public record Answer(String label, String value) {
    }

    /** A posted value carried through the check page. */
    public record Hidden(String name, String value) {
    }

    /** Posted fields that are the page's machinery, not the person's answers. */
    private static final Set<String> MACHINERY = Set.of("_csrf", "action");

    private FormPage() {
    }

    /** The form for {@code household}, with {@code values} as typed and {@code errors} (the status they call for). */
    static String form(String view, Household household, MultiValueMap<String, String> values, FormErrors errors,
            Model model, HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        model.addAttribute("h", household);
        model.addAttribute("values", values == null ? new LinkedMultiValueMap<>() : values);
        model.addAttribute("errors", errors);
        return view;
    }

    /**
     * The check-your-answers page of a legal step, posting {@code values} back to {@code action}; {@code household}
     * is the one the step changes (null for a step on something else, whose page sets {@code back}: [link, text]).
     */
    public static String check(String heading, String action, Household household, List<Answer> answers,
            MultiValueMap<String, String> values, Model model) {
        List<Hidden> hidden = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (!MACHINERY.contains(e.getKey())) {
                e.getValue().forEach(v -> hidden.add(new Hidden(e.getKey(), v)));
            }
        }
        model.addAttribute("h", household);
        model.addAttribute("heading", heading);
        model.addAttribute("action", action);
        model.addAttribute("answers", answers);
        model.addAttribute("hidden", hidden);
        return "registry/check";
    }

    static String first(MultiValueMap<String, String> values, String name) {
        return values == null ? null : values.getFirst(name);
    }
}
