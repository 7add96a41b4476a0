package vn.khuyenhoc.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese by default; {@code ?lang=en} (or {@code vi}) switches and is remembered in a cookie. Any other language
 * (there are no messages for it) is ignored, so the pages stay Vietnamese instead of showing raw keys.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final Set<String> LANGUAGES = Set.of("vi", "en");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang") {
            @Override
            protected Locale parseLocaleValue(String value) {
                return offered(super.parseLocaleValue(value));
            }
        };
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return offered(super.parseLocaleValue(value));
            }
        };
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** The language of this locale when the application speaks it (en-GB is English); otherwise null, the default. */
    private static Locale offered(Locale locale) {
        return locale != null && LANGUAGES.contains(locale.getLanguage()) ? Locale.forLanguageTag(locale.getLanguage())
                : null;
    }
}
