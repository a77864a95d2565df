package vn.giamngheo.platform.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The data files named in configuration: {@code classpath:} or {@code file:} locations, patterns allowed. */
public final class RuleFiles {

    private RuleFiles() {
    }

    public static List<Resource> resolve(ResourcePatternResolver resolver, List<String> locations) {
        List<Resource> resources = new ArrayList<>();
        for (String location : locations) {
            try {
                Resource[] found = resolver.getResources(location);
                if (found.length == 0) {
                    throw new IllegalStateException("no file matches " + location);
                }
                resources.addAll(Arrays.asList(found));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list files at " + location, e);
            }
        }
        return resources;
    }
}
