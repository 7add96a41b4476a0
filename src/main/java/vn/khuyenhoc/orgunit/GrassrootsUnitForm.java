package vn.khuyenhoc.orgunit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What commune staff type to create or rename a chapter or an education promotion board. */
public record GrassrootsUnitForm(
        @NotNull(message = "{unit.kind.required}") OrgUnitKind kind,
        @NotBlank(message = "{unit.name.required}") @Size(max = 150, message = "{unit.name.size}") String name,
        Long version) {

    static GrassrootsUnitForm empty() {
        return new GrassrootsUnitForm(OrgUnitKind.CHAPTER, "", null);
    }

    static GrassrootsUnitForm of(OrgUnitView unit) {
        return new GrassrootsUnitForm(unit.kind(), unit.name(), unit.version());
    }
}
