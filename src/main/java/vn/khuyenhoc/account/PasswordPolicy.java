package vn.khuyenhoc.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.shared.RuleViolationException;

/**
 * What a new password must be (issue 16): at least {@value #MIN_LENGTH} characters (a Vietnamese passphrase of any
 * length is welcome: the hash has no 72-byte limit), not containing the username, and not among the passwords
 * people commonly choose ({@code security/common-passwords.txt}, see the README beside it). Passwords the system
 * sets itself (the demo accounts) do not pass through here.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        Set<String> words = new HashSet<>(64_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.common = Set.copyOf(words);
    }

    /** @throws RuleViolationException on {@code field} when the password breaks a rule */
    void check(String field, String password, String username) {
        String folded = Normalizer.normalize(password, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (password.codePointCount(0, password.length()) < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw RuleViolationException.of(field, "hardening.password.size");
        }
        if (username != null && !username.isBlank()
                && folded.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw RuleViolationException.of(field, "hardening.password.containsUsername");
        }
        if (common.contains(folded) || common.contains(folded.strip())) {
            throw RuleViolationException.of(field, "hardening.password.common");
        }
    }
}
