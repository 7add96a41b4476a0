package vn.khuyenhoc.registration;

import java.util.List;

/** One page of a list of registrations, with the total matching the filter. */
public record RegistrationPage(List<RegistrationView> items, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}
