package vn.giamngheo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The platform's log pattern masks citizen ids and phone numbers, in messages and in stack traces. */
class LogMaskingTest {

    private static String format(String message, Throwable error) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(PlatformDefaults.RESOURCE));
        Properties properties = yaml.getObject();
        String pattern = properties.getProperty("logging.pattern.console").replace("${PID:- }", "1");
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("test"), Level.INFO, message, error, null);
        return layout.doLayout(event);
    }

    @Test
    void citizenIdsAndPhoneNumbersNeverAppearInFull() {
        String line = format("registered 026068001234, phone 0912345678 and +84987654321; decision 125/QĐ-UBND "
                + "of 2026-12-15, 1500000 đồng", null);
        assertThat(line).contains("026******234").contains("091****678").contains("+8498****321")
                .doesNotContain("026068001234").doesNotContain("0912345678").doesNotContain("987654321")
                .contains("125/QĐ-UBND").contains("2026-12-15").contains("1500000 đồng");
    }

    @Test
    void aStackTraceIsMaskedToo() {
        String text = format("failed", new IllegalStateException("citizen id 026068001234 is taken, phone 0912345678"));
        assertThat(text).contains("026******234").doesNotContain("026068001234")
                .contains("091****678").doesNotContain("0912345678");
    }

    @Test
    void hexAndUuidsAreLeftAlone() {
        // Each of these holds a run of 12 digits or a 0 and 9 digits that only look like a citizen id or a phone number.
        String uuid = "9f1c2e3a-4b5d-4e6f-8a7b-026068001234";
        String hash = "vn.giamngheo.Household@1a2b3c4d5e6f0912345678";
        String hex = "0x7f3a0912345678";
        String line = format("household " + uuid + " held by " + hash + " at " + hex + "; citizen 026068001234, "
                + "phone 0912345678", null);
        assertThat(line).contains(uuid).contains(hash).contains(hex).contains("026******234").contains("091****678");

        IllegalStateException error = new IllegalStateException("lock " + uuid + " is held");
        error.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("vn.giamngheo.household.registry.Households$$Lambda/0x7f3a0912345678", "apply",
                    null, -1),
            new StackTraceElement("vn.giamngheo.household.registry.Households", "register", "Households.java", 142)});
        String trace = format("failed", error);
        assertThat(trace).contains("java.lang.IllegalStateException: lock " + uuid + " is held")
                .contains("at vn.giamngheo.household.registry.Households$$Lambda/0x7f3a0912345678.apply(Unknown Source)")
                .contains("at vn.giamngheo.household.registry.Households.register(Households.java:142)")
                .doesNotContain("*");
    }
}
