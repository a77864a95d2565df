package vn.giamngheo.platform.persistence;

import java.util.Set;
import java.util.function.Function;
import org.bson.Document;

/**
 * How one record type is stored: the record and its document, both ways. The document holds the record's id as
 * {@code _id} and, for a versioned aggregate, its version as {@value AggregateCollection#VERSION}. Only a codec (and
 * the query code beside it) sees {@link Document}; services work with the records.
 */
public interface Codec<R> {

    /** The record's id, stored as {@code _id}. */
    String id(R record);

    /** The whole document of the record, {@code _id} (and {@code version}) included; without {@code pendingEvents}. */
    Document encode(R record);

    R decode(Document document);

    /**
     * Fields the document keeps beside the record's state that reading a record skips (e.g. a history that
     * {@link Change#appending} grows). {@code pendingEvents} is always skipped.
     */
    default Set<String> unread() {
        return Set.of();
    }

    /** The codec of these three functions. */
    static <R> Codec<R> of(Function<R, String> id, Function<R, Document> encode, Function<Document, R> decode) {
        return of(id, encode, decode, Set.of());
    }

    /** The codec of these three functions, whose documents also keep the {@link #unread} fields. */
    static <R> Codec<R> of(Function<R, String> id, Function<R, Document> encode, Function<Document, R> decode,
            Set<String> unread) {
        return new Codec<>() {
            @Override
            public String id(R record) {
                return id.apply(record);
            }

            @Override
            public Document encode(R record) {
                return encode.apply(record);
            }

            @Override
            public R decode(Document document) {
                return decode.apply(document);
            }

            @Override
            public Set<String> unread() {
                return unread;
            }
        };
    }
}
