package vn.khuyenhoc.registration;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TitleRegistrationRepository extends JpaRepository<TitleRegistration, Long> {

    List<TitleRegistration> findByIdIn(Collection<Long> ids);
}
