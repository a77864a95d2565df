package vn.giamngheo.household.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    /** The index in its folder (one service instance per folder: Lucene locks it), or in memory. */
    @Bean(destroyMethod = "close")
    HouseholdIndex householdIndex(SearchProperties properties) {
        return new HouseholdIndex(directory(properties.indexDir()));
    }

    private static Directory directory(String indexDir) {
        if (SearchProperties.IN_MEMORY.equals(indexDir)) {
            return new ByteBuffersDirectory();
        }
        try {
            Path folder = Files.createDirectories(Path.of(indexDir));
            return FSDirectory.open(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index folder " + indexDir + " cannot be opened", e);
        }
    }
}
