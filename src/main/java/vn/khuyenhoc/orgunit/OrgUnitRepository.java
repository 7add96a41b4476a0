package vn.khuyenhoc.orgunit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    OrgUnit findByLevel(int level);

    Optional<OrgUnit> findByCode(String code);

    List<OrgUnit> findByParentIdOrderByCodeAscNameAsc(long parentId);

    boolean existsByParentIdAndNameIgnoreCase(long parentId, String name);

    boolean existsByParentIdAndNameIgnoreCaseAndIdNot(long parentId, String name, long id);

    List<OrgUnit> findByPathStartingWithAndLevelOrderByPath(String pathPrefix, int level);
}
