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
 * people; a clan its name and representative; a community its name; a learning unit its name and type; a citizen
 * a full name and a birth year no later than this year.
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
            if (form.kind() == null) {
                return true; // @NotNull on kind says so
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (blank(form.subjectName())) {
                valid = reject(context, "subjectName", "{registration.subjectName.required." + form.kind() + "}");
            }
            switch (form.kind()) {
                case FAMILY -> {
                    if (blank(form.address())) {
                        valid = reject(context, "address", "{registration.address.required}");
                    }
                    if (form.householdSize() == null) {
                        valid = reject(context, "householdSize", "{registration.householdSize.required}");
                    }
                }
                case CLAN -> {
                    if (blank(form.representative())) {
                        valid = reject(context, "representative", "{registration.representative.required}");
                    }
                }
                case UNIT -> {
                    if (form.unitType() == null) {
                        valid = reject(context, "unitType", "{registration.unitType.required}");
                    }
                }
                case CITIZEN -> {
                    if (form.birthYear() == null) {
                        valid = reject(context, "birthYear", "{registration.birthYear.required}");
                    }
                    else if (form.birthYear() > Year.now().getValue()) {
                        valid = reject(context, "birthYear", "{registration.birthYear.range}");
                    }
                }
                case COMMUNITY -> {
                    // the name is all a community needs
                }
            }
            return valid;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static boolean reject(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
