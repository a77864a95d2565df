package vn.giamngheo.platform.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.HashSet;
import java.util.Set;

/** The one place that tells "this id exists already" from a real write failure. */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Returns when the write failed only because its key exists; throws the failure again otherwise. */
    static void only(MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }

    /** @return the indexes of the writes of a bulk that failed because their key exists; any other failure is thrown */
    static Set<Integer> of(MongoBulkWriteException e) {
        Set<Integer> indexes = new HashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            indexes.add(error.getIndex());
        }
        return indexes;
    }
}
