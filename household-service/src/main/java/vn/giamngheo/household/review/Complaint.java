package vn.giamngheo.household.review;

import java.time.LocalDate;

/** A complaint against a posted result; re-checked (phúc tra), and if upheld the household is surveyed again. */
public record Complaint(String id, String roundId, String householdId, String text, LocalDate filedOn,
        Status status, String resolution, LocalDate resolvedOn) {

    public enum Status { OPEN, UPHELD, REJECTED }
}
