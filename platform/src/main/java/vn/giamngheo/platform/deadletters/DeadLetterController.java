package vn.giamngheo.platform.deadletters;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.web.ApiException;

/**
 * The dead letters of this service's consumers, for the city's administrator: what is held per binding, the records
 * with their error and event, and a replay of one or of all after the cause is fixed (see {@link DeadLetters}).
 */
@RestController
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/v1/dead-letters")
    public List<DeadLetters.Summary> summaries() {
        return deadLetters.summaries();
    }

    @GetMapping("/api/v1/dead-letters/{binding}")
    public List<DeadLetters.Letter> letters(@PathVariable String binding,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit", "must be between 1 and 500");
        }
        if (offset < 0 || offset > DeadLetters.MAX_RECORDS) {
            throw ApiException.invalid("offset", "must be between 0 and " + DeadLetters.MAX_RECORDS);
        }
        return deadLetters.letters(binding, offset, limit);
    }

    @PostMapping("/api/v1/dead-letters/{binding}/{partition}/{offset}/replay")
    public DeadLetters.Replay replay(@PathVariable String binding, @PathVariable int partition,
            @PathVariable long offset, Principal caller) {
        return deadLetters.replay(binding, partition, offset, caller.getName());
    }

    @PostMapping("/api/v1/dead-letters/{binding}/replay")
    public DeadLetters.Result replayAll(@PathVariable String binding, Principal caller) {
        return deadLetters.replayAll(binding, caller.getName());
    }
}
