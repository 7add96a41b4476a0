package vn.khuyenhoc.account;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.shared.CurrentUsername;

/** {@link CurrentUsername} from Spring Security's context of the current request. */
@Component
class SecurityContextUsername implements CurrentUsername {

    @Override
    public @Nullable String get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
                : authentication.getName();
    }
}
