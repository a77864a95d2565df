package vn.giamngheo.testsupport.boundaries.layered.low;

import org.springframework.core.io.Resource;

/** Not in the domain: a loader may use Spring. */
public record AmountSource(Resource resource) {
}
