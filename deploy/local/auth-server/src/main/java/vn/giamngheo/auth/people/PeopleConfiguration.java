package vn.giamngheo.auth.people;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import vn.giamngheo.auth.AuthProperties;

@Configuration(proxyBeanMethods = false)
class PeopleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PeopleConfiguration.class);

    /** The people file, read and checked once at start-up: a change takes effect when the provider restarts. */
    @Bean
    People people(AuthProperties properties, ResourceLoader resources) {
        String location = properties.peopleFile();
        // A plain path is a file: an administrator writes GIAMNGHEO_PEOPLE_FILE=/etc/giamngheo/people.yml.
        Resource resource = location.contains(":") ? resources.getResource(location) : new FileSystemResource(location);
        String text;
        try (InputStream in = resource.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PeopleFileException(location, List.of("cannot be read: " + e.getMessage()));
        }
        List<Person> people = PeopleFile.read(location, text, ProvinceUnits.today(),
                new LinkedHashSet<>(properties.departments()));
        log.info("{} people may sign in, from {}", people.size(), location);
        return new People(people);
    }
}
