package vn.khuyenhoc.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The one place where exceptions become pages. {@code NotFoundException} maps itself to 404 (and Spring Boot
 * renders {@code templates/error/404.html}); a save over someone else's newer change gets a page saying so; an
 * upload over the size limit goes back to its own page, which says so beside the file field in the user's language.
 */
@ControllerAdvice
class GlobalErrorAdvice {

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String concurrentChange() {
        return "error/conflict";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var page = UploadPages.tooLargePage(path);
        if (page.isPresent()) {
            return "redirect:" + page.get(); // only fixed patterns: never an open redirect
        }
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        return "error/413";
    }
}
