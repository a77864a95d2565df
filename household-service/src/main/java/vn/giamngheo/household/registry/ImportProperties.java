package vn.giamngheo.household.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The registry's Excel import.
 *
 * @param maxRows member rows one file may hold (a sheet with more is refused before the workbook is built): the same
 *                bound as a review round's survey spreadsheet
 */
@Validated
@ConfigurationProperties("household.import")
record ImportProperties(@Min(1) @Max(200_000) int maxRows) {
}
