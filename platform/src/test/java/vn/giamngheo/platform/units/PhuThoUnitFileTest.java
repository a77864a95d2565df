package vn.giamngheo.platform.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PhuThoUnitFileTest {

    @Test
    void theShippedFileIsWhatTheGeneratorWritesFromTheConversionTable() throws IOException {
        Path sources = new ClassPathResource("units/phu-tho-2025").getFile().toPath();
        String shipped = new ClassPathResource("units/phu-tho-2025.json").getContentAsString(StandardCharsets.UTF_8);

        assertThat(PhuThoUnitFile.generate(sources))
                .as("units/phu-tho-2025.json differs from what PhuThoUnitFile writes: regenerate it (see its Javadoc)")
                .isEqualTo(shipped);
    }
}
