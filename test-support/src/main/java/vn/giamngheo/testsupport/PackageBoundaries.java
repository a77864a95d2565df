package vn.giamngheo.testsupport;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service's boundary test: extend it in the service's base package with the application class and the domain
 * model's packages and classes (see {@link Boundaries#domainFreeOfFrameworks}).
 */
public abstract class PackageBoundaries {

    private final Boundaries boundaries;
    private final List<String> domain;

    protected PackageBoundaries(Class<?> application, List<String> domain) {
        this.boundaries = Boundaries.of(application);
        this.domain = domain;
    }

    @Test
    public void featurePackagesFormNoCycle() {
        boundaries.assertNoCycles();
    }

    @Test
    public void domainModelUsesNoFramework() {
        boundaries.assertDomainFreeOfFrameworks(domain.toArray(String[]::new));
    }
}
