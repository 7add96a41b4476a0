package vn.khuyenhoc.architecture;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import vn.khuyenhoc.KhuyenhocApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module edges, checked and drawn by Spring Modulith beside the ArchUnit rules of {@link ArchitectureTest}: each
 * feature package is a module whose {@code package-info.java} states what it may depend on; a dependency not listed
 * there, a cycle, or a reference to another module's internal package (such as {@code member.roster}) fails the
 * build. The diagrams (one of all modules, one per module) and a canvas per module are written to
 * {@code target/spring-modulith-docs}.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(KhuyenhocApplication.class);

    @Test
    void everyModuleDependsOnlyOnWhatItDeclares() {
        MODULES.verify();
    }

    @Test
    void theModulesAreThoseTheReadmeNames() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()).sorted().toList()).containsExactly(
                "account", "audit", "centre", "certificate", "closing", "commendation", "criteria", "demo", "fund", "generator", "member", "orgunit", "registration",
                "report", "reporting", "rollup", "shared", "shares", "system", "web");
    }

    @Test
    void writesTheModuleDiagramsAndCanvases() {
        new Documenter(MODULES).writeDocumentation();
    }
}
