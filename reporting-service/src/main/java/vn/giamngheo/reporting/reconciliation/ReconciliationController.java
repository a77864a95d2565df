package vn.giamngheo.reporting.reconciliation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs a reconciliation (synchronously: seconds for a city) and shows the last result. */
@RestController
@RequestMapping("/api/v1/reconciliation")
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping
    Reconciliation.Result run() {
        return reconciliation.run();
    }

    @GetMapping
    ResponseEntity<Reconciliation.Result> last() {
        Reconciliation.Result last = reconciliation.last();
        return last == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(last);
    }
}
