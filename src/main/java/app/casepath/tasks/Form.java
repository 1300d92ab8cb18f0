package app.casepath.tasks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a submitted form field by field, collecting every problem with the field's path, so that
 * one answer names all that is wrong. Nested objects and list items share the same error list.
 * Reading writes nothing; {@link #check()} throws before anything is written.
 */
public final class Form {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_SHORT_TEXT = 500;
    public static final int MAX_LIST = 200;

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;
    private final LocalDate today;

    private Form(JsonNode node, String prefix, List<FieldError> errors, LocalDate today) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        this.today = today;
    }

    public static Form of(JsonNode body, LocalDate today) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            body = JsonNodeFactory.instance.objectNode();
        } else if (!body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return new Form(body, "", new ArrayList<>(), today);
    }

    /** A form that is part of a larger request: its errors name {@code prefix} + field (completions[2].decision). */
    public static Form of(JsonNode body, LocalDate today, String prefix) {
        Form form = of(body, today);
        return new Form(form.node, prefix, form.errors, today);
    }

    public LocalDate today() {
        return today;
    }

    public String path(String field) {
        return prefix + field;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(path(field), message));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    // ---- text

    public String requiredText(String field) {
        return text(field, true, MAX_TEXT);
    }

    public String optionalText(String field) {
        return text(field, false, MAX_TEXT);
    }

    public String text(String field, boolean required, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            error(field, "must be text");
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** A required code from a closed list (a decision, outcome, route…). */
    public String choice(String field, Set<String> allowed) {
        String value = text(field, true, MAX_SHORT_TEXT);
        return value == null ? null : allowed(field, value, allowed);
    }

    public String optionalChoice(String field, Set<String> allowed) {
        String value = text(field, false, MAX_SHORT_TEXT);
        return value == null ? null : allowed(field, value, allowed);
    }

    private String allowed(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            error(field, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
            return null;
        }
        return value;
    }

    // ---- dates

    /** When something happened: never in the future; left out, it means today. */
    public LocalDate happenedOn(String field) {
        LocalDate date = date(field);
        if (date == null) {
            return has(field) ? null : today;
        }
        if (date.isAfter(today)) {
            error(field, "must not be in the future");
            return null;
        }
        return date;
    }

    /**
     * When something happened, to the minute (a contact received, a visit made): an instant with
     * its offset, never after {@code now}.
     */
    public java.time.Instant happenedAt(String field, boolean required, java.time.Instant now) {
        String text = text(field, required, 64);
        if (text == null) {
            return null;
        }
        try {
            java.time.Instant instant = java.time.OffsetDateTime.parse(text).toInstant();
            if (instant.isAfter(now)) {
                error(field, "must not be in the future");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            error(field, "must be a date and time with offset (ISO-8601, e.g. 2026-03-25T09:30:00Z)");
            return null;
        }
    }

    /** A date that happened, if given: never in the future; no default. */
    public LocalDate optionalPastDate(String field) {
        if (!has(field)) {
            return null;
        }
        return happenedOn(field);
    }

    public LocalDate requiredDate(String field) {
        if (!has(field)) {
            error(field, "is required");
            return null;
        }
        return date(field);
    }

    public LocalDate optionalDate(String field) {
        return has(field) ? date(field) : null;
    }

    private LocalDate date(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            error(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            error(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** A date must not come before the event it follows. */
    public void notBefore(String field, LocalDate value, LocalDate earliest, String what) {
        if (value != null && earliest != null && value.isBefore(earliest)) {
            error(field, "must not be before " + what + " (" + earliest + ")");
        }
    }

    // ---- booleans and numbers

    public Boolean bool(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!value.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** A score on the 0–10 scale (safety scale, feedback). */
    public Integer score(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        return score(field, value);
    }

    private Integer score(String field, JsonNode value) {
        if (!value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 10) {
            error(field, "must be a whole number from 0 to 10");
            return null;
        }
        return value.asInt();
    }

    public List<Integer> scores(String field) {
        List<Integer> result = new ArrayList<>();
        JsonNode list = list(field);
        for (int i = 0; list != null && i < list.size(); i++) {
            Integer score = score(field + "[" + i + "]", list.get(i));
            if (score != null) {
                result.add(score);
            }
        }
        return result;
    }

    // ---- lists and objects

    public List<String> texts(String field) {
        List<String> result = new ArrayList<>();
        JsonNode list = list(field);
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                error(itemField, "must be text");
            } else if (item.asText().length() > MAX_TEXT) {
                error(itemField, "must be at most " + MAX_TEXT + " characters");
            } else {
                result.add(item.asText().strip());
            }
        }
        return result;
    }

    /** A nested object; missing, it reads as empty (so its own required fields are reported). */
    public Form object(String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            error(field, "must be an object");
            value = null;
        }
        return new Form(value == null || value.isNull() ? JsonNodeFactory.instance.objectNode() : value,
                path(field) + ".", errors, today);
    }

    public List<Form> objects(String field) {
        List<Form> result = new ArrayList<>();
        JsonNode list = list(field);
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                error(field + "[" + i + "]", "must be an object");
            } else {
                result.add(new Form(item, path(field) + "[" + i + "].", errors, today));
            }
        }
        return result;
    }

    private JsonNode list(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            error(field, "must be a list");
            return null;
        }
        if (value.size() > MAX_LIST) {
            error(field, "must have at most " + MAX_LIST + " items");
            return null;
        }
        return value;
    }
}
