package vn.giamngheo.platform;

import java.util.List;
import vn.giamngheo.testsupport.PackageBoundaries;

/**
 * The platform's packages form no cycle, and what the services build their domain on is plain Java: the
 * administrative units and the rule language. {@code units.UnitCatalog} (reads its JSON with Jackson) and
 * {@code rules.RuleFiles} (finds Spring resources) are the loaders around them.
 */
class PackageBoundariesTest extends PackageBoundaries {

    PackageBoundariesTest() {
        super(PlatformAutoConfiguration.class, List.of(
                "units.AdministrativeUnit", "units.UnitType", "units.AreaType", "units.Coverage",
                "units.InvalidUnitDataException", "units.SuccessorChoiceRequiredException",
                "rules.CelProgram", "rules.Condition", "rules.IntExpression", "rules.YamlNode",
                "rules.RuleEvaluationException", "rules.RuleFileException",
                "messaging.Outcome"));
    }
}
