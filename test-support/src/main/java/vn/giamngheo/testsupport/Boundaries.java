package vn.giamngheo.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;

/**
 * The package rules of one service (or library), checked by its boundary test against its production classes:
 * <ol>
 *   <li>no cycle between the feature packages directly under the base package ({@code vn.giamngheo.policy.(*)..});
 *   <li>the domain model — the packages and classes a service lists as records, rules and state machines — uses no
 *       Spring, MongoDB/BSON, Kafka, Jackson or servlet type, so it is tested without any of them.
 * </ol>
 * A failed rule throws an {@link AssertionError} that names every cycle or offending dependency with its source line.
 */
public final class Boundaries {

    /** What the domain model must not touch: frameworks and transports belong to the adapters around it. */
    public static final List<String> FRAMEWORKS = List.of(
            "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
            "com.fasterxml.jackson..", "tools.jackson..", "jakarta.servlet..", "javax.servlet..");

    private final String base;
    private final JavaClasses classes;

    private Boundaries(String base, JavaClasses classes) {
        this.base = base;
        this.classes = classes;
    }

    /** The production classes (neither tests nor jars) in and below the package of {@code anchor}. */
    public static Boundaries of(Class<?> anchor) {
        String base = anchor.getPackageName();
        return of(base, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(base));
    }

    /** The given classes below {@code base} (the rules' own test uses fixture packages). */
    static Boundaries of(String base, JavaClasses classes) {
        if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(base + "."))) {
            throw new IllegalStateException("no classes found below " + base);
        }
        return new Boundaries(base, classes);
    }

    /** Rule 1: the feature packages form no cycle. */
    public SliceRule featurePackagesFreeOfCycles() {
        return slices().matching(base + ".(*)..").namingSlices(base + ".$1").should().beFreeOfCycles();
    }

    public void assertNoCycles() {
        featurePackagesFreeOfCycles().check(classes);
    }

    /**
     * Rule 2 over the domain model, named relative to the base package: a package ({@code "figures"}, its classes
     * but not its sub-packages) or a class ({@code "decisions.BenefitDecision"}, with its nested classes). An entry
     * that names nothing fails, so a renamed class cannot drop out of the rule unnoticed.
     */
    public ArchRule domainFreeOfFrameworks(String... domain) {
        List<String> entries = List.of(domain);
        for (String entry : entries) {
            if (classes.stream().noneMatch(c -> inDomainEntry(c, entry))) {
                throw new IllegalArgumentException("domain entry " + base + "." + entry + " names no class");
            }
        }
        DescribedPredicate<JavaClass> inDomain = DescribedPredicate.describe(
                "are in the domain model of " + base + " " + entries,
                c -> entries.stream().anyMatch(entry -> inDomainEntry(c, entry)));
        return noClasses().that(inDomain)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS.toArray(String[]::new))
                .because("the domain model is plain Java, unit-tested without Spring, MongoDB, Kafka, Jackson"
                        + " or servlets; those belong to the stores, bindings and controllers around it");
    }

    public void assertDomainFreeOfFrameworks(String... domain) {
        domainFreeOfFrameworks(domain).check(classes);
    }

    private boolean inDomainEntry(JavaClass c, String entry) {
        String name = base + "." + entry;
        String last = entry.substring(entry.lastIndexOf('.') + 1);
        if (!last.isEmpty() && Character.isUpperCase(last.charAt(0))) {
            return c.getName().equals(name) || c.getName().startsWith(name + "$");
        }
        return c.getPackageName().equals(name);
    }
}
