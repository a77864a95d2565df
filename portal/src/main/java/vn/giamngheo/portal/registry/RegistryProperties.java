package vn.giamngheo.portal.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the registry forms talk to the services.
 *
 * @param writeTimeout         how long a change may take before the portal says the service did not answer: longer
 *                             than a page's read, since a change still being made when the portal gives up would be
 *                             reported as not made
 * @param uploadTimeout        how long an Excel import may take (hundreds of households in one all-or-nothing call)
 * @param privacyNoticeVersion the version of the privacy notice (Decree 13/2023 Art. 13) whose text the register form
 *                             shows, recorded with each household's acknowledgement; change it with the text
 */
@Validated
@ConfigurationProperties("portal.registry")
public record RegistryProperties(@NotNull Duration writeTimeout, @NotNull Duration uploadTimeout,
        @NotBlank String privacyNoticeVersion) {
}
