package vn.khuyenhoc.account;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login with CSRF protection; every page but the login page and static files needs a signed-in user.
 * Around the login: throttling ({@link LoginThrottle}), audited sign-ins and sign-outs ({@link SignInEvents}), and
 * on every request the account's state ({@link AccountSessionFilter}: sessions end when the account is disabled,
 * its password set or its unit deactivated; a one-time password must be changed first). Headers: a
 * Content-Security-Policy that runs scripts only from the app itself, same-origin referrers, no powerful browser
 * features, HSTS over https (Spring Security sends it only on secure requests; behind a TLS-terminating proxy,
 * {@code server.forward-headers-strategy=native} makes those requests secure).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            // Bootstrap's and Chart.js's inline styles (style attributes set by script); no inline script anywhere
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    @Bean
    @ConditionalOnWebApplication // not in a command-line run such as the data set generator
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, SignInEvents signIns,
            JdbcClient jdbc) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/audit/**", "/groups/**", "/years/**").hasRole("NATIONAL")
                        .requestMatchers("/accounts/**").hasAnyRole("NATIONAL", "PROVINCE", "COMMUNE")
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").permitAll()
                        .successHandler(signIns.successHandler())
                        .failureHandler(signIns.failureHandler()))
                .logout(logout -> logout.addLogoutHandler(signIns.logoutHandler())
                        .logoutSuccessUrl("/login?logout").permitAll())
                .addFilterBefore(new LoginThrottleFilter(throttle, signIns), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AccountSessionFilter(jdbc), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /**
     * No observations of the security filters, sign-ins or authorisations: nothing reads them, and with them Spring
     * Security wraps each filter of the chain in an observation on every request (measured in a member list's
     * profile under load).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * New passwords are hashed with PBKDF2-HMAC-SHA256 (Spring Security 5.8 parameters: 310,000 iterations, 16-byte
     * salt), which has no length limit: BCrypt reads only the first 72 bytes and Spring Security refuses longer input
     * (a Vietnamese passphrase of 25 words passes 72 bytes), and Argon2 would need Bouncy Castle. Hashes already
     * stored as {@code {bcrypt}} keep working and are rehashed at their owner's next sign-in
     * ({@link StaffUserDetailsService#updatePassword}). {@code {noop}} is read for the tests' accounts only.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String modern = "pbkdf2@SpringSecurity_v5_8";
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(modern, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        encoders.put("noop", NoOpPasswordEncoder.getInstance());
        return new DelegatingPasswordEncoder(modern, encoders);
    }
}
