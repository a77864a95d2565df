package vn.giamngheo.platform.web;

/** One thing wrong with a request: the field (a JSON path such as {@code members[1].dateOfBirth}) and why. */
public record FieldProblem(String field, String reason) {
}
