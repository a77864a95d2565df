package vn.giamngheo.household.documents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Codec;
import vn.giamngheo.platform.web.ApiException;

/** The administrators' versions of the document templates (collection {@code document_templates}), one per document. */
@Component
class DocumentTemplateStore {

    private static final String COLLECTION = "document_templates";
    /** A version is stored once: its id is its kind and number. */
    private static final Codec<DocumentTemplates.Version> VERSION = Codec.of(DocumentTemplateStore::id,
            v -> new Document("_id", id(v))
                    .append("kind", v.kind().code())
                    .append("version", v.version())
                    .append("effectiveFrom", v.effectiveFrom().toString())
                    .append("content", v.content())
                    .append("updatedAt", Date.from(v.updatedAt()))
                    .append("updatedBy", v.updatedBy()),
            d -> new DocumentTemplates.Version(DocumentKind.of(d.getString("kind")).orElseThrow(),
                    d.getInteger("version"), LocalDate.parse(d.getString("effectiveFrom")), d.getString("content"),
                    d.getDate("updatedAt").toInstant(), d.getString("updatedBy"), false));

    private static String id(DocumentTemplates.Version v) {
        return v.kind().code() + ":" + v.version();
    }

    private final AggregateCollection<DocumentTemplates.Version> versions;
    private final MongoCollection<Document> templates;

    DocumentTemplateStore(Aggregates aggregates, MongoDatabase database) {
        versions = aggregates.records(COLLECTION, VERSION);
        templates = database.getCollection(COLLECTION);
        templates.createIndex(Indexes.ascending("kind", "version"));
    }

    /** Stores a new version; its id (kind and version) is unique, so two administrators cannot write the same one. */
    void insert(DocumentTemplates.Version v) {
        if (!versions.insertIfAbsent(v)) {
            throw ApiException.conflict("version", "version " + v.version() + " of the " + v.kind().code()
                    + " template was stored by someone else at the same time; please retry");
        }
    }

    /** The stored versions of a kind, oldest first. */
    List<DocumentTemplates.Version> versions(DocumentKind kind) {
        List<DocumentTemplates.Version> result = new ArrayList<>();
        templates.find(Filters.eq("kind", kind.code())).sort(Sorts.ascending("version"))
                .forEach(d -> result.add(VERSION.decode(d)));
        return result;
    }
}
