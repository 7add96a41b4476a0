package vn.khuyenhoc.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new password, typed twice. {@code currentPassword} is asked when users change their own password, and
 * ignored when a manager resets the password of an account they manage.
 */
public record PasswordForm(
        String currentPassword,
        @NotBlank(message = "{password.required}") @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = "{hardening.password.size}") String newPassword,
        String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
