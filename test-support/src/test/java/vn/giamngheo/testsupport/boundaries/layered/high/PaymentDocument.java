package vn.giamngheo.testsupport.boundaries.layered.high;

import org.bson.Document;

/** Listed as domain by the failing case only: it carries a BSON document. */
public record PaymentDocument(Document state) {
}
