package vn.giamngheo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlainTextTest {

    record Member(String fullName, List<String> notes) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().addModule(PlainText.module()).build();

    @Test
    void textIsComposedWhereverItStands() {
        Member m = JSON.readValue("{\"fullName\":\"Nguye\u0302\u0303n\",\"notes\":[\"Va\u0306n\"]}", Member.class);
        assertThat(m.fullName()).isEqualTo("Nguyễn");
        assertThat(m.notes()).containsExactly("Văn");
    }

    @Test
    void invisibleAndControlCharactersAreRefusedWithTheirPath() {
        for (String bad : List.of("\\u202e", "\\u200b", "\\u200d", "\\u0000", "\\u001b", "\\ufeff", "\\u00ad",
                "\\u2028", "\\ud800")) {
            assertThatThrownBy(() -> JSON.readValue("{\"notes\":[\"a\",\"b" + bad + "c\"]}", Member.class))
                    .as(bad).isInstanceOfSatisfying(PlainText.UnacceptableTextException.class, e -> {
                        assertThat(e.reason()).contains("U+");
                        assertThat(e.getPath()).extracting(r -> r.getPropertyName()).contains("notes");
                    });
        }
        assertThat(JSON.readValue("{\"fullName\":\"Hộ nghèo\\n\\tdòng 2\\r\\n\"}", Member.class).fullName())
                .isEqualTo("Hộ nghèo\n\tdòng 2\r\n");
    }
}
