package vn.giamngheo.portal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.services.Parallel;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;

/**
 * "Who saw or changed this": the audits of several services, asked in parallel as the person (each service applies its
 * own rule for who may read its audit), merged newest first. A service that is down or refuses is named among the
 * {@code missing}; the others' entries are still there.
 */
@Component
public class AuditTrail {

    /** The services' cap on one answer (platform AuditController): deeper pages are narrowed by dates instead. */
    public static final int SERVICE_LIMIT = 5000;

    private static final ParameterizedTypeReference<List<AuditEntry>> ENTRIES = new ParameterizedTypeReference<>() { };
    /** Newest first; within one instant by service and id, so that the merged pages do not overlap. */
    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::at,
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(AuditEntry::service, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(AuditEntry::id, Comparator.nullsFirst(Comparator.<String>naturalOrder())).reversed();

    /**
     * What to ask each service; null fields are not asked about.
     *
     * @param action {@code read} or {@code write}
     * @param from   inclusive; @param to exclusive
     */
    public record Query(String householdId, String subject, String action, Instant from, Instant to) {

        public static Query household(String householdId) {
            return new Query(householdId, null, null, null, null);
        }
    }

    /** One page of the merged entries, the services that gave none, and whether there are more after this page. */
    public record Page(List<AuditEntry> entries, List<ServiceProblem> missing, boolean more) {
    }

    private final ServiceClient services;

    AuditTrail(ServiceClient services) {
        this.services = services;
    }

    /**
     * The entries {@code offset} to {@code offset + size} of the services' audits merged. One service pages by
     * itself; several are each asked for their first {@code offset + size + 1} entries (what the merged page can
     * hold), at most {@link #SERVICE_LIMIT}.
     */
    public Page find(Query query, Collection<Service> asked, int offset, int size, String token) {
        boolean one = asked.size() == 1;
        int skip = one ? offset : 0;
        int limit = Math.min(SERVICE_LIMIT, one ? size + 1 : offset + size + 1);
        List<AuditEntry> entries = new ArrayList<>();
        List<ServiceProblem> missing = new ArrayList<>();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Section<List<AuditEntry>>>> answers = new ArrayList<>();
            for (Service service : asked) {
                answers.add(parallel.submit(() -> services.section(service, u -> u.path("/api/v1/audit")
                        .queryParamIfPresent("householdId", Optional.ofNullable(query.householdId()))
                        .queryParamIfPresent("subject", Optional.ofNullable(query.subject()))
                        .queryParamIfPresent("action", Optional.ofNullable(query.action()))
                        .queryParamIfPresent("from", Optional.ofNullable(query.from()))
                        .queryParamIfPresent("to", Optional.ofNullable(query.to()))
                        .queryParam("offset", skip).queryParam("limit", limit).build(), ENTRIES, token)));
            }
            int i = 0;
            for (Service service : asked) {
                Section<List<AuditEntry>> section = Parallel.await(answers.get(i++));
                if (section.ok()) {
                    section.value().forEach(e -> entries.add(e.askedOf(service)));
                } else {
                    missing.add(section.problem());
                }
            }
        }
        entries.sort(NEWEST_FIRST);
        int start = Math.min(entries.size(), one ? 0 : offset);
        int end = Math.min(entries.size(), start + size);
        return new Page(List.copyOf(entries.subList(start, end)), missing, entries.size() > end);
    }
}
