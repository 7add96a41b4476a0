package vn.khuyenhoc.orgunit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What commune staff type to create or change a chapter or an education promotion board: its kind, name, the day it
 * was founded and, once it is, the day it was dissolved (dates as day/month/year or from a date picker, checked by
 * the service; a founding date left out means today for a new unit and unchanged for an existing one).
 */
public record GrassrootsUnitForm(
        @NotNull(message = "{unit.kind.required}") OrgUnitKind kind,
        @NotBlank(message = "{unit.name.required}") @Size(max = 150, message = "{unit.name.size}") String name,
        @Size(max = 20, message = "{unit.date.format}") String foundedOn,
        @Size(max = 20, message = "{unit.date.format}") String dissolvedOn,
        Long version) {

    /** A form without dates (as before units had them). */
    public GrassrootsUnitForm(OrgUnitKind kind, String name, Long version) {
        this(kind, name, null, null, version);
    }

    static GrassrootsUnitForm empty(java.time.LocalDate today) {
        return new GrassrootsUnitForm(OrgUnitKind.CHAPTER, "", today.toString(), "", null);
    }

    static GrassrootsUnitForm of(OrgUnitView unit, java.time.LocalDate foundedOn, java.time.LocalDate dissolvedOn) {
        return new GrassrootsUnitForm(unit.kind(), unit.name(), foundedOn == null ? "" : foundedOn.toString(),
                dissolvedOn == null ? "" : dissolvedOn.toString(), unit.version());
    }
}
