package vn.khuyenhoc.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import vn.khuyenhoc.shared.Role;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);
}
