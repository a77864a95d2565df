package vn.giamngheo.portal.review;

import java.net.URI;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.review.ReviewViews.ToSurvey;
import vn.giamngheo.portal.review.ReviewViews.RoundView;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.signin.AccessTokens;

/**
 * What the meeting, posting, decision and document pages do with household-service's review API, as the signed-in
 * person: read the round and its list of households, and send a step, its refusal becoming errors beside the fields
 * the service named (as the registry forms do, through {@link RegistryCalls}).
 */
@Component
class StepCalls {

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final RegistryCalls calls;
    private final ReviewCalls rounds;

    StepCalls(ServiceClient services, AccessTokens tokens, RegistryCalls calls, ReviewCalls rounds) {
        this.services = services;
        this.tokens = tokens;
        this.calls = calls;
        this.rounds = rounds;
    }

    Reasons reasons() {
        return calls.reasons();
    }

    RoundView round(String roundId) {
        return rounds.round(roundId);
    }

    ToSurvey households(String roundId) {
        return rounds.households(roundId);
    }

    /** Sends one step of the round ({@code step} under the round's path); null when refused (then in errors). */
    <T> T send(String roundId, String step, Object body, Class<T> type, Function<String, String> formField,
            FormErrors errors) {
        return calls.send(Service.HOUSEHOLD, HttpMethod.POST, u -> u.path("/api/v1/review-rounds/{id}/" + step)
                .build(roundId), body, type, formField, errors);
    }

    <T> T send(HttpMethod method, Function<UriBuilder, URI> uri, Object body, Class<T> type,
            Function<String, String> formField, FormErrors errors) {
        return calls.send(Service.HOUSEHOLD, method, uri, body, type, formField, errors);
    }

    ServiceClient.Download download(Function<UriBuilder, URI> uri) {
        return services.download(Service.HOUSEHOLD, uri, tokens.current());
    }

    <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return services.get(Service.HOUSEHOLD, uri, type, tokens.current());
    }

    /** What every step page shows: the round, its surveyed households with their heads, the way back to the round. */
    static void page(RoundView round, ToSurvey list, Model model) {
        model.addAttribute("r", round);
        model.addAttribute("rows", StepViews.rows(round, list));
    }
}
