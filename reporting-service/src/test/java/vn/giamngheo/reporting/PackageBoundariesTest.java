package vn.giamngheo.reporting;

import java.util.List;
import vn.giamngheo.testsupport.PackageBoundaries;

/**
 * The feature packages form no cycle: areas at the bottom; facts, statistics and training above them; figures
 * computed from those; plans measured by figures; live progress and reports on top. The controllers that change
 * statistics, training or plans wake the live progress through {@code signals.InputsChanged}. The domain model is
 * plain Java: the area tree, the figures and indicators, the plans, the dashboard's snapshot, the facts and the
 * household timeline built from them (the codec beside the store is what sees BSON). Not yet in the list: the
 * {@code FigureCalculator}, a Spring component.
 */
class PackageBoundariesTest extends PackageBoundaries {

    PackageBoundariesTest() {
        super(ReportingServiceApplication.class, List.of(
                "areas", "figures.Figures", "figures.Indicator", "plans.Plan", "live.Snapshot", "facts.Fact",
                "facts.HouseholdTimeline"));
    }
}
