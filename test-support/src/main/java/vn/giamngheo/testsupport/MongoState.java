package vn.giamngheo.testsupport;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bson.Document;

/** Everything a service stores, as comparable text: for "nothing changed" after refused calls. */
public final class MongoState {

    private MongoState() {
    }

    /** Every document of every collection but the audit and {@code excluded}, by collection and then by id. */
    public static Supplier<Map<String, List<String>>> of(MongoDatabase database, String... excluded) {
        Set<String> skip = Set.of(excluded);
        return () -> {
            Map<String, List<String>> state = new TreeMap<>();
            for (String name : database.listCollectionNames()) {
                if (name.equals("audit") || skip.contains(name)) {
                    continue;
                }
                List<String> documents = new ArrayList<>();
                database.getCollection(name).find().sort(Sorts.ascending("_id"))
                        .forEach((Document d) -> documents.add(d.toJson()));
                state.put(name, documents);
            }
            return state;
        };
    }
}
