package vn.khuyenhoc.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An account that a manager creates for a node one level below their own. */
public record NewAccountForm(
        @NotBlank(message = "{account.username.required}")
        @Pattern(regexp = "^\\s*[A-Za-z0-9._-]{3,50}\\s*$", message = "{account.username.format}") String username,
        @NotBlank(message = "{account.fullName.required}") @Size(max = 150, message = "{account.fullName.size}") String fullName,
        @NotNull(message = "{account.unit.required}") Long unitId,
        @NotBlank(message = "{password.required}") @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = "{hardening.password.size}") String password,
        @Pattern(regexp = "^\\s*(0[0-9 .]{9,14})?\\s*$", message = "{account.phone.format}") String phone) {

    static NewAccountForm empty(Long unitId) {
        return new NewAccountForm("", "", unitId, "", "");
    }

    /** The phone as stored (digits only), or null when none was given. */
    String phoneDigits() {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return phone.replaceAll("[ .]", "");
    }
}
