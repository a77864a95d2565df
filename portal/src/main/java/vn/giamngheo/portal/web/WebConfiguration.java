package vn.giamngheo.portal.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** The portal speaks Vietnamese: every text is in messages_vi.properties, whatever the browser's language. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(VIETNAMESE);
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(VIETNAMESE);
        return messages;
    }
}
