package vn.giamngheo.auth.signin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSessionEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import vn.giamngheo.auth.AuthProperties;

/** The provider's session ends after the configured inactivity, to the second (Tomcat's own setting is in minutes). */
class SessionIdleTimeoutTest {

    @Test
    void everyNewSessionExpiresAfterTheIdleTimeout() {
        AuthProperties properties = new AuthProperties("http://localhost:9000", "giamngheo", "demo",
                Duration.ofMinutes(5), Duration.ofSeconds(1830), "classpath:people.yml", List.of("EDUCATION"),
                new AuthProperties.Lockout(5, Duration.ofMinutes(15)),
                new AuthProperties.Portal("portal", "portal-demo", List.of("http://localhost:8080/x"),
                        List.of("http://localhost:8080/")));
        MockHttpSession session = new MockHttpSession();

        new SignInSecurity().idleTimeout(properties).sessionCreated(new HttpSessionEvent(session));

        assertThat(session.getMaxInactiveInterval()).isEqualTo(1830);
    }
}
