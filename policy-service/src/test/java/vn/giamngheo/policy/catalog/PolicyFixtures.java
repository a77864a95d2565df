package vn.giamngheo.policy.catalog;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.giamngheo.platform.units.UnitCatalog;

/** The shipped policy files and units, and the people and households the rule tests are about. */
final class PolicyFixtures {

    static final List<Resource> FILES = files();
    static final PolicyCatalog ALL = PolicyCatalog.load(FILES, PolicyCatalog.DEPARTMENTS);
    /**
     * The platform's shipped units, as every service loads them: Phú Thọ (25) from 2025-07-01 with its 479 predecessors
     * of the former Phú Thọ, Vĩnh Phúc (26) and Hòa Bình (17), and Vĩnh Yên's history since 2021.
     */
    static final UnitCatalog UNITS = UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
            new ClassPathResource("units/vinh-yen.json")));
    static final FormerProvinces FORMER_PROVINCES = new FormerProvinces(UNITS);

    private PolicyFixtures() {
    }

    static EligibilityEvaluator evaluator() {
        return new EligibilityEvaluator(ALL, FORMER_PROVINCES);
    }

    private static List<Resource> files() {
        try {
            return Arrays.asList(new PathMatchingResourcePatternResolver().getResources("classpath:policies/*.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static EligibilityFacts.Person person(String id, String born) {
        return EligibilityFacts.Person.born(id, LocalDate.parse(born));
    }

    /** A household of Phường Vĩnh Yên (08707, a Vĩnh Phúc ward before 1 Jul 2025) of the given class and members. */
    static EligibilityFacts household(String classification, EligibilityFacts.Person... members) {
        return new EligibilityFacts(classification, null, null, "08707", false, List.of(members));
    }

    static EligibilityFacts.Receipt receives(String policyCode, String personId, String from) {
        return new EligibilityFacts.Receipt(policyCode, personId, LocalDate.parse(from), null);
    }

    static Optional<EligibilityEvaluator.Decision> find(List<EligibilityEvaluator.Decision> decisions, String code,
            String beneficiary) {
        return decisions.stream().filter(d -> d.policyCode().equals(code) && d.beneficiary().equals(beneficiary))
                .findFirst();
    }
}
