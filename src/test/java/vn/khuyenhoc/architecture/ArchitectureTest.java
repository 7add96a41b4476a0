package vn.khuyenhoc.architecture;

import javax.sql.DataSource;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code: one package per feature, thin controllers that talk to services only, and each feature's
 * repositories and entities private to it.
 */
@AnalyzeClasses(packages = "vn.khuyenhoc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> REPOSITORIES = DescribedPredicate.describe("repositories",
            c -> c.getPackageName().startsWith("vn.khuyenhoc") && c.isAssignableTo(Repository.class));

    private static final DescribedPredicate<JavaClass> ENTITIES = DescribedPredicate.describe("entities",
            c -> c.isAnnotatedWith(Entity.class));

    @ArchTest
    static final ArchRule controllersNeverTouchRepositoriesOrEntities = noClasses()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .or().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat(REPOSITORIES)
            .orShould().dependOnClassesThat(ENTITIES)
            .because("controllers call a service and get records back (README, Architecture)");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabaseDirectly = noClasses()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
            .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
            .because("transactions and queries live in services");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("vn.khuyenhoc.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInsideTheirFeature = noClasses()
            .should(dependOnOtherPackages(REPOSITORIES))
            .because("another feature calls the owning feature's service, never its repository");

    @ArchTest
    static final ArchRule entitiesAreUsedOnlyInsideTheirFeature = noClasses()
            .should(dependOnOtherPackages(ENTITIES))
            .because("other features receive records, never entities");

    @ArchTest
    static final ArchRule theSignedInUserIsResolvedAtTheWebEdge = noClasses()
            .that().resideOutsideOfPackage("vn.khuyenhoc.account..")
            .should().dependOnClassesThat().areAssignableTo(SecurityContextHolder.class)
            .because("controllers receive @CurrentStaff Staff and pass it in; nothing reads a static holder");

    /** The rules above pass; this shows that the custom condition does see a dependency across packages. */
    @Test
    void theCrossPackageConditionFindsWhatItShould() {
        JavaClasses classes = new ClassFileImporter().importPackages("vn.khuyenhoc.account", "vn.khuyenhoc.orgunit");
        DescribedPredicate<JavaClass> services = DescribedPredicate.describe("services",
                c -> c.getSimpleName().endsWith("Service") && c.getPackageName().startsWith("vn.khuyenhoc"));
        assertThatThrownBy(() -> noClasses().should(dependOnOtherPackages(services)).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AccountService")
                .hasMessageContaining("OrgUnitService");
    }

    /** Depends on a class of this kind that lives in another package than its own. */
    private static ArchCondition<JavaClass> dependOnOtherPackages(DescribedPredicate<JavaClass> kind) {
        return new ArchCondition<>("depend on " + kind.getDescription() + " of another package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (kind.test(target) && !target.getPackageName().equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.satisfied(origin, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
