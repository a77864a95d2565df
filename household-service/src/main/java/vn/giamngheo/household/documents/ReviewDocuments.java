package vn.giamngheo.household.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.classification.AssessmentService;
import vn.giamngheo.household.registry.ClassRecord;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.household.review.ReviewRound;
import vn.giamngheo.household.review.ReviewRuleException;
import vn.giamngheo.household.review.ReviewService;
import vn.giamngheo.household.review.Survey;
import vn.giamngheo.household.review.SurveyStatus;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.ApiException;

/**
 * The legal papers of a review round (Decision 24/2021/QĐ-TTg, Circular 07/2021/TT-BLĐTBXH): the village meeting's
 * minutes, the list posted publicly, the chairman's decision with its annexed lists, the certificates of the poor and
 * near-poor households, and the lists as a workbook. Each is dated — the meeting, the posting's first day, the
 * decision — and that day names the unit (as it was called then) and picks the template version in force.
 */
@Service
public class ReviewDocuments {

    /** A document to download: an ASCII file name and its bytes. */
    public record File(String filename, byte[] content) {
    }

    private final ReviewService reviews;
    private final HouseholdRegistry registry;
    private final UnitCatalog units;
    private final AssessmentService assessments;
    private final DocumentTemplates templates;

    ReviewDocuments(ReviewService reviews, HouseholdRegistry registry, UnitCatalog units,
            AssessmentService assessments, DocumentTemplates templates) {
        this.reviews = reviews;
        this.registry = registry;
        this.units = units;
        this.assessments = assessments;
        this.templates = templates;
    }

    /** The round, or 404. */
    public ReviewRound round(String id) {
        try {
            return reviews.round(id);
        } catch (ReviewRuleException e) {
            throw ApiException.notFound("review round " + id);
        }
    }

    public File minutes(String roundId) {
        ReviewRound round = round(roundId);
        if (DocumentModels.dateOf(DocumentKind.MINUTES, round) == null) {
            throw ApiException.conflict("state", "round " + roundId + " is " + round.state() + ": the minutes are "
                    + "those of its village meeting, which has not been held");
        }
        return pdf(DocumentKind.MINUTES, papers(round, DocumentKind.MINUTES), "bien-ban-hop-dan-" + roundId);
    }

    public File postingList(String roundId) {
        ReviewRound round = round(roundId);
        if (DocumentModels.dateOf(DocumentKind.POSTING_LIST, round) == null) {
            throw ApiException.conflict("state", "round " + roundId + " is " + round.state()
                    + ": its results have not been posted");
        }
        return pdf(DocumentKind.POSTING_LIST, papers(round, DocumentKind.POSTING_LIST),
                "danh-sach-niem-yet-" + roundId);
    }

    public File decision(String roundId) {
        DocumentModels.Papers papers = decided(roundId);
        return pdf(DocumentKind.DECISION, papers, "quyet-dinh-" + roundId);
    }

    /** One page per household the decision recognises as poor or near-poor; 404 when it recognises none. */
    public File certificates(String roundId) {
        DocumentModels.Papers papers = certified(decided(roundId), l -> true);
        if (papers.lines().isEmpty()) {
            throw ApiException.notFound("a poor or near-poor household in the decision of round " + roundId);
        }
        return pdf(DocumentKind.CERTIFICATE, papers, "giay-chung-nhan-" + roundId);
    }

    /** The certificate of one household; 404 when the decision does not list it as poor or near-poor. */
    public File certificate(String roundId, String householdId) {
        DocumentModels.Papers papers = certified(decided(roundId), l -> l.household().id().equals(householdId));
        if (papers.lines().isEmpty()) {
            throw ApiException.notFound("household " + householdId + " on the poor or near-poor list of round "
                    + roundId);
        }
        return pdf(DocumentKind.CERTIFICATE, papers, "giay-chung-nhan-" + householdId);
    }

    /** The decision's lists, a sheet each. */
    public File lists(String roundId) {
        DocumentModels.Papers papers = decided(roundId);
        return new File("danh-sach-" + roundId + ".xlsx", DecisionWorkbook.write(papers));
    }

    private DocumentModels.Papers decided(String roundId) {
        ReviewRound round = round(roundId);
        if (DocumentModels.dateOf(DocumentKind.DECISION, round) == null) {
            throw ApiException.conflict("state", "round " + roundId + " is " + round.state()
                    + ": there is no decision yet");
        }
        return papers(round, DocumentKind.DECISION);
    }

    /** The households of the decision that get a certificate (poor and near-poor), of those {@code which}. */
    static DocumentModels.Papers certified(DocumentModels.Papers papers,
            java.util.function.Predicate<DocumentModels.Line> which) {
        return new DocumentModels.Papers(papers.round(), papers.unit(), papers.date(), papers.standard(),
                papers.lines().stream().filter(l -> l.after() == HouseholdClass.POOR
                        || l.after() == HouseholdClass.NEAR_POOR).filter(which).toList());
    }

    private File pdf(DocumentKind kind, DocumentModels.Papers papers, String name) {
        String template = templates.inForceOn(kind, papers.date()).content();
        return new File(name + ".pdf", PdfRenderer.pdf(template, DocumentModels.model(kind, papers)));
    }

    /** The round's households for a document of {@code kind}, the unit as named on its date. */
    private DocumentModels.Papers papers(ReviewRound round, DocumentKind kind) {
        LocalDate date = DocumentModels.dateOf(kind, round);
        AdministrativeUnit unit = unitOn(units, round, date);
        List<Survey> surveys = reviews.view(round.id()).surveys();
        Map<String, Household> households = registry.findAll(surveys.stream().map(Survey::householdId).toList());
        List<DocumentModels.Line> lines = new ArrayList<>();
        for (Survey survey : surveys) {
            Household household = households.get(survey.householdId());
            // A draft is no result yet: no meeting voted on it, nothing of it is posted or decided.
            if (household != null && survey.status() != SurveyStatus.DRAFT) {
                lines.add(new DocumentModels.Line(survey, household, before(household, round)));
            }
        }
        return new DocumentModels.Papers(round, unit, date,
                assessments.standard(round.standard(), round.referenceDate()), lines);
    }

    /** The round's unit as it was on the document's date (its name then), else as on the round's reference date. */
    static AdministrativeUnit unitOn(UnitCatalog units, ReviewRound round, LocalDate date) {
        return units.find(round.unitCode(), date).or(() -> units.find(round.unitCode(), round.referenceDate()))
                .orElseThrow(() -> new IllegalStateException("unit " + round.unitCode() + " of round " + round.id()
                        + " is not in force on " + date));
    }

    /**
     * The class in force before the round's decision: what the registry recorded as its "from" class when the
     * decision was applied; before it, the class in force on the day it would take effect.
     */
    private static HouseholdClass before(Household household, ReviewRound round) {
        return household.classHistory().stream().filter(r -> r.roundId().equals(round.id())).findFirst()
                .map(ClassRecord::fromClass)
                .orElseGet(() -> household.classOn(takesEffect(round).minusDays(1)));
    }

    private static LocalDate takesEffect(ReviewRound round) {
        if (round.decision() != null) {
            return round.decision().effectiveDate();
        }
        return round.listsTakeEffectOn() != null ? round.listsTakeEffectOn() : round.referenceDate();
    }
}
