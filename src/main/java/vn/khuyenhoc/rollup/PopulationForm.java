package vn.khuyenhoc.rollup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.format.annotation.NumberFormat;

/** A node's population (and optionally households) in a year, typed the local way: 1.497.447 or 1497447. */
public record PopulationForm(
        @NotNull(message = "{population.year.required}") @Min(value = 1990, message = "{population.year.range}")
        @Max(value = 2100, message = "{population.year.range}") Integer year,
        @NotNull(message = "{population.population.required}") @Positive(message = "{population.population.positive}")
        @Max(value = 200_000_000L, message = "{population.population.positive}")
        @NumberFormat(style = NumberFormat.Style.NUMBER) Long population,
        @Positive(message = "{population.households.positive}") @Max(value = 100_000_000L, message = "{population.households.positive}")
        @NumberFormat(style = NumberFormat.Style.NUMBER) Long households,
        Long version) {
}
