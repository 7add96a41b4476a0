package vn.khuyenhoc.web;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The one place where exceptions become pages. {@code NotFoundException} maps itself to 404 (and Spring Boot
 * renders {@code templates/error/404.html}); a save over someone else's newer change gets a page saying so.
 */
@ControllerAdvice
class GlobalErrorAdvice {

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String concurrentChange() {
        return "error/conflict";
    }
}
