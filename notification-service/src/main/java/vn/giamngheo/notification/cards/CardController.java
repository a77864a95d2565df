package vn.giamngheo.notification.cards;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.web.ApiException;

/** Card requests for officers, and the callback through which BHXH confirms cards. */
@RestController
class CardController {

    private final CardRequests requests;

    CardController(CardRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/api/v1/card-requests")
    List<CardRequest> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String householdId, @RequestParam(required = false) String personId,
            @RequestParam(defaultValue = "200") int limit) {
        CardRequest.Status wanted = null;
        if (status != null) {
            try {
                wanted = CardRequest.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "must be one of " + List.of(CardRequest.Status.values()));
            }
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", "must be between 1 and 1000");
        }
        return requests.search(wanted, householdId, personId, limit);
    }

    @GetMapping("/api/v1/card-requests/{id}")
    CardRequest get(@PathVariable String id) {
        return requests.find(id);
    }

    /** Queues a FAILED request again, with a fresh retry budget. */
    @PostMapping("/api/v1/card-requests/{id}/retry")
    CardRequest retry(@PathVariable String id) {
        return requests.retry(id);
    }

    /** BHXH's signed callback: {@code {requestId, status: ISSUED|CANCELLED|REJECTED, cardNumber, validFrom, validTo}}. */
    @PostMapping("/api/v1/bhxh/card-callbacks")
    CardRequest callback(@RequestBody byte[] body,
            @RequestHeader(name = "X-BHXH-Signature", required = false) String signature) {
        return requests.callback(body, signature);
    }
}
