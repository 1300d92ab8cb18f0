package app.casepath.tasks;

/** One problem with one field of what a client sent; {@code field} is a path such as child.dateOfBirth. */
public record FieldError(String field, String message) {
}
