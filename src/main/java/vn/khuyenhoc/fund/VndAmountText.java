package vn.khuyenhoc.fund;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field holding an amount as typed ({@link VndAmount}); a bad one gets the message of its own problem
 * (required, decimal, negative, zero, too large, or not a number at all).
 */
@Documented
@Constraint(validatedBy = VndAmountText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface VndAmountText {

    String message() default "{fund.amount.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VndAmountText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            VndAmount.Parsed parsed = VndAmount.parse(value);
            if (parsed.isValid()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{" + parsed.problem().messageKey() + "}")
                    .addConstraintViolation();
            return false;
        }
    }
}
