package vn.giamngheo.portal.programme;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the programme pages relay reporting-service's live stream of an area to the browser.
 *
 * @param streamLifetime how long one relayed stream stays open; the browser's EventSource then reconnects, and the
 *                       new request takes the person's current (refreshed) token: the provider's tokens live five
 *                       minutes, and a relay must not outlive the sign-in it was opened with
 * @param streamsTotal   the most relays the portal holds open at once (each holds one connection to the service)
 * @param streamsPerPerson the most one signed-in person holds open (a few tabs)
 * @param reconnect      the delay the browser waits before reconnecting
 */
@ConfigurationProperties("portal.programme")
record ProgrammeProperties(@DefaultValue("4m") Duration streamLifetime, @DefaultValue("100") int streamsTotal,
        @DefaultValue("3") int streamsPerPerson, @DefaultValue("3s") Duration reconnect) {
}
