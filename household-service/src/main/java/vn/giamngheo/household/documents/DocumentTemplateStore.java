package vn.giamngheo.household.documents;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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
import vn.giamngheo.platform.web.ApiException;

/** The administrators' versions of the document templates (collection {@code document_templates}), one per document. */
@Component
class DocumentTemplateStore {

    private final MongoCollection<Document> templates;

    DocumentTemplateStore(MongoDatabase database) {
        templates = database.getCollection("document_templates");
        templates.createIndex(Indexes.ascending("kind", "version"));
    }

    /** Stores a new version; its id (kind and version) is unique, so two administrators cannot write the same one. */
    void insert(DocumentTemplates.Version v) {
        try {
            templates.insertOne(new Document("_id", v.kind().code() + ":" + v.version())
                    .append("kind", v.kind().code())
                    .append("version", v.version())
                    .append("effectiveFrom", v.effectiveFrom().toString())
                    .append("content", v.content())
                    .append("updatedAt", Date.from(v.updatedAt()))
                    .append("updatedBy", v.updatedBy()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw ApiException.conflict("version", "version " + v.version() + " of the " + v.kind().code()
                        + " template was stored by someone else at the same time; please retry");
            }
            throw e;
        }
    }

    /** The stored versions of a kind, oldest first. */
    List<DocumentTemplates.Version> versions(DocumentKind kind) {
        List<DocumentTemplates.Version> result = new ArrayList<>();
        templates.find(Filters.eq("kind", kind.code())).sort(Sorts.ascending("version")).forEach(d ->
                result.add(new DocumentTemplates.Version(kind, d.getInteger("version"),
                        LocalDate.parse(d.getString("effectiveFrom")), d.getString("content"),
                        d.getDate("updatedAt").toInstant(), d.getString("updatedBy"), false)));
        return result;
    }
}
