package vn.khuyenhoc.centre;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What commune staff type to register a centre or correct its entry. Dates come from date inputs
 * ({@code 2025-08-15}) or are typed {@code 15/08/2025}. Rules across fields (closing date only when it no longer
 * operates, dates not in the future, closing not before set-up) are the service's.
 */
public record CentreForm(
        @NotBlank(message = "{centre.name.required}") @Size(max = 200, message = "{centre.name.size}") String name,
        @Size(max = 300, message = "{centre.address.size}") String address,
        @NotBlank(message = "{centre.decisionNumber.required}") @Size(max = 60, message = "{centre.decisionNumber.size}")
        String decisionNumber,
        @NotNull(message = "{centre.decisionDate.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = "d/M/yyyy") LocalDate decisionDate,
        @Size(max = 120, message = "{centre.director.size}") String director,
        boolean operating,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = "d/M/yyyy") LocalDate closedOn,
        Long version) {

    static CentreForm empty() {
        return new CentreForm("", "", "", null, "", true, null, null);
    }

    static CentreForm of(CentreView c) {
        return new CentreForm(c.name(), c.address(), c.decisionNumber(), c.decisionDate(), c.director(), c.operating(),
                c.closedOn(), c.version());
    }

    /** The command; a closing date typed while "operating" is ticked is the service's to refuse, so it is kept. */
    CentreData toData() {
        return new CentreData(name, address, decisionNumber, decisionDate, director, operating, closedOn);
    }
}
