package vn.giamngheo.household.registry;

import java.util.Collection;

/**
 * Told after households were written to the store (registered, changed by a command or a decision, imported), with
 * their ids: the one place every write of a household passes, so that what is kept beside the store (the search index)
 * follows it. Called after the write succeeded; a listener that fails must not undo or fail the write, so it catches
 * its own errors and repairs itself later.
 */
public interface HouseholdWriteListener {

    void written(Collection<String> householdIds);
}
