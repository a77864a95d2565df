package vn.giamngheo.auth.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The codes of the province's communes and wards today, from the platform's unit file (copied into the jar at build
 * time from {@code platform/src/main/resources/units}): a unit without an end date is in force.
 */
final class ProvinceUnits {

    static final String FILE = "units/phu-tho-2025.json";

    private ProvinceUnits() {
    }

    @SuppressWarnings("unchecked")
    static Set<String> today() {
        // JSON is YAML: the parser Spring Boot already brings reads it, with no second JSON library.
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            Map<String, Object> file = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> codes = new TreeSet<>();
            for (Map<String, Object> unit : (List<Map<String, Object>>) file.get("units")) {
                String code = String.valueOf(unit.get("code"));
                if (unit.get("validTo") == null && code.length() == 5) {
                    codes.add(code);
                }
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException("The province's units (" + FILE + ") cannot be read", e);
        }
    }
}
