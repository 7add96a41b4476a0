package vn.khuyenhoc.rollup;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A named group of provinces, as national staff define it. */
public record ProvinceGroupForm(
        @NotBlank(message = "{group.name.required}") @Size(max = 150, message = "{group.name.size}") String name,
        @Size(max = 150, message = "{group.name.size}") String nameEn,
        @NotEmpty(message = "{group.provinces.required}") List<Long> provinceIds,
        Long version) {

    static ProvinceGroupForm empty() {
        return new ProvinceGroupForm("", "", List.of(), null);
    }
}
