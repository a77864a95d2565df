package vn.giamngheo.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.giamngheo.auth.people.PeopleFileException;

/** A people file with a mistake stops the provider before it serves anyone, naming the person and the field. */
class BadPeopleFileIT {

    @Test
    void anUnknownUnitStopsTheStartWithThePersonAndFieldNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.yml");
        Files.writeString(file, """
                people:
                  - login: can-bo-08707
                    name: Nguyễn Thị Hoa
                    roles: [WARD_OFFICER]
                    units: ["99999"]
                    passwordHash: "{bcrypt}$2a$10$MlFBWiogOcGefuMsuzaXWeyUnvOvw97xu6bP/ZKJ03.5SSH2/KDTe"
                """, StandardCharsets.UTF_8);

        // Arguments, not default properties: application.yml would win over those.
        assertThatThrownBy(() -> new SpringApplicationBuilder(AuthServer.class)
                .run("--server.port=0", "--auth.people-file=" + file))
                .rootCause().isInstanceOfSatisfying(PeopleFileException.class, e -> {
                    assertThat(e.getMessage()).contains(file.toString());
                    assertThat(e.problems()).containsExactly(
                            "line 5, person 'can-bo-08707', units: unknown unit '99999': not a commune or ward of the "
                                    + "province today");
                });
    }
}
