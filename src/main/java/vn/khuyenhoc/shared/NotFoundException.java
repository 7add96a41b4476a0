package vn.khuyenhoc.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A record that does not exist, or exists outside the user's scope: both answer 404, indistinguishably. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("Not found");
    }
}
