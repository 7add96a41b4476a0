package vn.khuyenhoc.registration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Year;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The fields each kind requires, each reported next to its own field with a message that names it the way that
 * kind does ("Hãy nhập họ tên chủ hộ.", "Hãy nhập tên dòng họ."): a family needs its head, address and number of
 * people (1 to 99); a clan its name and representative; a community its name; a learning unit its name and type;
 * a citizen a full name and a birth year from 1900 to this year. Every kind needs a year from 2000 to 2100.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidRegistration.Validator.class)
@interface ValidRegistration {

    String message() default "{registration.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidRegistration, RegistrationForm> {

        @Override
        public boolean isValid(RegistrationForm form, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            Check check = new Check(context);
            check.number("year", form.year(), 2000, 2100);
            if (form.kind() == null) {
                return check.valid; // @NotNull on kind says so
            }
            if (RegistrationForm.blank(form.subjectName())) {
                check.reject("subjectName", "{registration.subjectName.required." + form.kind() + "}");
            }
            switch (form.kind()) {
                case FAMILY -> {
                    if (RegistrationForm.blank(form.address())) {
                        check.reject("address", "{registration.address.required}");
                    }
                    check.number("householdSize", form.householdSize(), 1, 99);
                }
                case CLAN -> {
                    if (RegistrationForm.blank(form.representative())) {
                        check.reject("representative", "{registration.representative.required}");
                    }
                }
                case UNIT -> {
                    if (form.unitType() == null) {
                        check.reject("unitType", "{registration.unitType.required}");
                    }
                }
                case CITIZEN -> check.number("birthYear", form.birthYear(), 1900, Year.now().getValue());
                case COMMUNITY, COMMUNE, PROVINCE -> {
                    // the name is all a community needs
                }
            }
            return check.valid;
        }

        /** Collects violations, each on its field; messages are {@code registration.<field>.required|number|range}. */
        private static final class Check {

            private final ConstraintValidatorContext context;
            private boolean valid = true;

            Check(ConstraintValidatorContext context) {
                this.context = context;
            }

            void number(String field, String typed, int min, int max) {
                Integer value = RegistrationForm.number(typed);
                if (RegistrationForm.blank(typed)) {
                    reject(field, "{registration." + field + ".required}");
                }
                else if (value == null) {
                    reject(field, "{registration." + field + ".number}");
                }
                else if (value < min || value > max) {
                    reject(field, "{registration." + field + ".range}");
                }
            }

            void reject(String field, String message) {
                context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
                valid = false;
            }
        }
    }
}
