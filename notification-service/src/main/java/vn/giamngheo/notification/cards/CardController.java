package vn.giamngheo.notification.cards;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.notification.activity.HouseholdActivity;
import vn.giamngheo.notification.outside.QueryParams;
import vn.giamngheo.notification.outside.SignedCallbacks;
import vn.giamngheo.platform.security.HouseholdAccess;

/** Card requests for officers, and the callback through which BHXH confirms cards. */
@RestController
class CardController {

    private final CardRequests requests;
    private final HouseholdAccess areas;
    private final HouseholdActivity activity;

    CardController(CardRequests requests, HouseholdAccess areas, HouseholdActivity activity) {
        this.requests = requests;
        this.areas = areas;
        this.activity = activity;
    }

    /**
     * {@code from}/{@code to}: days (yyyy-MM-dd, Vietnam time) the request was created on, both included;
     * {@code unitCode}: the households last seen in that commune-level unit; {@code order}: oldest (default) or newest
     * first.
     */
    @GetMapping("/api/v1/card-requests")
    List<CardRequest> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String householdId, @RequestParam(required = false) String personId,
            @RequestParam(required = false) String unitCode, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String order,
            @RequestParam(defaultValue = "200") int limit) {
        areas.checkListOf(householdId);
        CardRequest.Status state = QueryParams.choice("status", status, CardRequest.Status.class);
        String unit = QueryParams.unitCode(unitCode);
        QueryParams.Range days = QueryParams.days(from, to);
        boolean newestFirst = QueryParams.newestFirst(order);
        int max = QueryParams.limit(limit);
        return requests.search(state, householdId, unit == null ? null : activity.householdsIn(unit), personId, days,
                newestFirst, max);
    }

    @GetMapping("/api/v1/card-requests/{id}")
    CardRequest get(@PathVariable String id) {
        return readable(id);
    }

    /** The request, if its household lies in the caller's units. */
    private CardRequest readable(String id) {
        CardRequest request = requests.find(id);
        areas.check(request.householdId());
        return request;
    }

    /** Queues a FAILED request again, with a fresh retry budget. */
    @PostMapping("/api/v1/card-requests/{id}/retry")
    CardRequest retry(@PathVariable String id) {
        readable(id);
        return requests.retry(id);
    }

    /**
     * BHXH's signed callback: {@code {requestId, status: ISSUED|CANCELLED|REJECTED, cardNumber, validFrom, validTo}},
     * {@code requestId} being the key of the round it answers.
     */
    @PostMapping("/api/v1/bhxh/card-callbacks")
    CardRequest callback(@RequestBody byte[] body,
            @RequestHeader(name = "X-BHXH-Signature", required = false) String signature,
            @RequestHeader(name = SignedCallbacks.TIMESTAMP_HEADER, required = false) String timestamp) {
        return requests.callback(body, signature, timestamp);
    }
}
