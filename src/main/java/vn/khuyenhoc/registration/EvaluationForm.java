package vn.khuyenhoc.registration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;


/**
 * The year-end decision on one registration (with its {@code version}) or on several at once ({@code selected},
 * each "id:version" as the user saw it): RECOGNISED with the decision's number and date, or NOT_RECOGNISED.
 * The date comes as typed (so that a typo keeps the rest of the form): from the phone's date picker (2025-12-15)
 * or the Vietnamese way (15/12/2025); an impossible date (30/02/2025) is refused.
 */
@EvaluationForm.Complete
public record EvaluationForm(
        List<String> selected,
        RegistrationStatus result,
        @Size(max = 50, message = "{evaluation.decisionNumber.size}") String decisionNumber,
        String decisionDate,
        Long version) {

    private static final List<DateTimeFormatter> DATES = Stream.of("uuuu-M-d", "d/M/uuuu", "d-M-uuuu", "d.M.uuuu")
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    static EvaluationForm empty(Long version) {
        return new EvaluationForm(List.of(), RegistrationStatus.RECOGNISED, "", "", version);
    }

    /** The form of one registration: its current decision, if it has one, ready to be corrected. */
    static EvaluationForm of(RegistrationView registration) {
        RegistrationStatus result = registration.status().isResult() ? registration.status() : RegistrationStatus.RECOGNISED;
        return new EvaluationForm(List.of(), result, registration.decisionNumber(),
                registration.decisionDate() == null ? "" : registration.decisionDate().toString(), registration.version());
    }

    /** A decision made by the application itself (the demo data). */
    public static EvaluationForm of(List<String> selected, RegistrationStatus result, String decisionNumber,
            LocalDate decisionDate) {
        return new EvaluationForm(selected, result, decisionNumber, decisionDate == null ? "" : decisionDate.toString(),
                null);
    }

    /** The decision date, or null when blank or not a real date. */
    LocalDate decisionDateValue() {
        if (decisionDate == null || decisionDate.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(decisionDate.strip(), format);
            }
            catch (DateTimeParseException ex) {
                // try the next way of writing it
            }
        }
        return null;
    }

    /** A result is chosen; a recognition has its decision number and date. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Complete.Validator.class)
    @interface Complete {

        String message() default "{evaluation.invalid}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Complete, EvaluationForm> {

            @Override
            public boolean isValid(EvaluationForm form, ConstraintValidatorContext context) {
                context.disableDefaultConstraintViolation();
                if (form.result() == null || !form.result().isResult()) {
                    return reject(context, "result", "{evaluation.result.required}");
                }
                boolean valid = true;
                if (form.result() == RegistrationStatus.RECOGNISED) {
                    if (form.decisionNumber() == null || form.decisionNumber().isBlank()) {
                        valid = reject(context, "decisionNumber", "{evaluation.decisionNumber.required}");
                    }
                    if (form.decisionDate() == null || form.decisionDate().isBlank()) {
                        valid = reject(context, "decisionDate", "{evaluation.decisionDate.required}");
                    }
                    else if (form.decisionDateValue() == null) {
                        valid = reject(context, "decisionDate", "{evaluation.decisionDate.invalid}");
                    }
                }
                return valid;
            }

            private static boolean reject(ConstraintValidatorContext context, String field, String message) {
                context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
                return false;
            }
        }
    }
}
