package app.casepath.api;

import java.util.ArrayList;
import java.util.List;

import app.casepath.tasks.FieldError;
import app.casepath.tasks.InvalidInputException;

/** page (from 0) and size (1–100) of a list request, checked. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;

    public static Paging of(Integer page, Integer size, int defaultSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? defaultSize : size;
        List<FieldError> errors = new ArrayList<>();
        if (p < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "must be from 1 to " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Paging(p, s);
    }
}
