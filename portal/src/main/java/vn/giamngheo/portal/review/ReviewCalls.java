package vn.giamngheo.portal.review;

import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.review.ReviewViews.Board;
import vn.giamngheo.portal.review.ReviewViews.Request;
import vn.giamngheo.portal.review.ReviewViews.RoundSummary;
import vn.giamngheo.portal.review.ReviewViews.RoundView;
import vn.giamngheo.portal.review.ReviewViews.Survey;
import vn.giamngheo.portal.review.ReviewViews.ToSurvey;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;

/**
 * What the review pages read from household-service's review API, as the signed-in person. A refusal (403), nothing
 * there (404) or a service that does not answer is thrown as the services' problem: the portal's error pages say it.
 */
@Component
class ReviewCalls {

    private static final ParameterizedTypeReference<List<RoundSummary>> SUMMARIES = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Request>> REQUESTS = new ParameterizedTypeReference<>() { };
    private static final String ROUNDS = "/api/v1/review-rounds";

    private final ServiceClient services;
    private final AccessTokens tokens;

    ReviewCalls(ServiceClient services, AccessTokens tokens) {
        this.services = services;
        this.tokens = tokens;
    }

    /** A1: a unit's rounds, newest first (of {@code year} when given); a section, so one unit down costs its part. */
    Section<List<RoundSummary>> rounds(String unitCode, Integer year) {
        return services.section(Service.HOUSEHOLD, u -> u.path(ROUNDS).queryParam("unitCode", unitCode)
                .queryParamIfPresent("year", Optional.ofNullable(year)).build(), SUMMARIES, tokens.current());
    }

    /** A2: the province board. */
    Board board(String date, String kind) {
        return services.get(Service.HOUSEHOLD, u -> u.path(ROUNDS + "/board")
                .queryParamIfPresent("date", Optional.ofNullable(date)).queryParam("kind", kind).build(),
                Board.class, tokens.current());
    }

    RoundView round(String roundId) {
        RegistryCalls.requireId(roundId);
        return services.get(Service.HOUSEHOLD, u -> u.path(ROUNDS + "/{id}").build(roundId), RoundView.class,
                tokens.current());
    }

    /** The round's line on its unit's board (A1): due day, late, counts; empty when the service did not say. */
    Optional<RoundSummary> summary(RoundView view) {
        Section<List<RoundSummary>> rounds = rounds(view.round().unitCode(), view.round().referenceDate().getYear());
        return rounds.ok() ? rounds.value().stream().filter(r -> r.id().equals(view.round().id())).findFirst()
                : Optional.empty();
    }

    /** A3: the list to survey. */
    ToSurvey households(String roundId) {
        RegistryCalls.requireId(roundId);
        return services.get(Service.HOUSEHOLD, u -> u.path(ROUNDS + "/{id}/households").build(roundId),
                ToSurvey.class, tokens.current());
    }

    /** A4: a household's survey in the round; empty when it has none yet. */
    Optional<Survey> survey(String roundId, String householdId) {
        RegistryCalls.requireId(roundId);
        RegistryCalls.requireId(householdId);
        try {
            return Optional.of(services.get(Service.HOUSEHOLD, u -> u.path(ROUNDS + "/{id}/surveys/{h}")
                    .build(roundId, householdId), Survey.class, tokens.current()));
        } catch (ServiceProblem problem) {
            if (problem.kind() == ServiceProblem.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** A unit's requests (of a status when given), as household-service lists them. */
    List<Request> requests(String unitCode, String status) {
        return services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/review-requests").queryParam("unitCode", unitCode)
                .queryParamIfPresent("status", Optional.ofNullable(status)).build(), REQUESTS, tokens.current());
    }

    Request request(String id) {
        RegistryCalls.requireId(id);
        return services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/review-requests/{id}").build(id), Request.class,
                tokens.current());
    }

    ServiceClient.Download template(String roundId) {
        RegistryCalls.requireId(roundId);
        return services.download(Service.HOUSEHOLD, u -> u.path(ROUNDS + "/{id}/survey-template").build(roundId),
                tokens.current());
    }
}
