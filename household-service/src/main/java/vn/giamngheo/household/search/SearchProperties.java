package vn.giamngheo.household.search;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The households' search index.
 *
 * @param indexDir            the folder of the Lucene index (created if missing); {@code memory} keeps it in memory
 *                            (tests), rebuilt from the store at every start
 * @param repairInterval      how often households whose index update failed are indexed again from the store, and
 *                            the writes since the last commit made durable
 * @param synchronousRebuildUpTo at start, a store of up to this many households whose index is missing or does not
 *                            match is indexed before the service answers; a larger one in the background (searches
 *                            answer 503 until it is done)
 */
@Validated
@ConfigurationProperties("giamngheo.search")
record SearchProperties(@NotBlank String indexDir, @NotNull Duration repairInterval,
        long synchronousRebuildUpTo) {

    static final String IN_MEMORY = "memory";
}
