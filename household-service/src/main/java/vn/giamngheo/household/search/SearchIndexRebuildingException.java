package vn.giamngheo.household.search;

/** The index is being rebuilt from the store: a search now would miss households. */
class SearchIndexRebuildingException extends RuntimeException {

    SearchIndexRebuildingException(long indexedSoFar) {
        super("The search index is being rebuilt from the registry (" + indexedSoFar + " households so far); "
                + "try again in a moment");
    }
}
