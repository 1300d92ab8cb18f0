package app.casepath.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The words people read for the codes of the API and the models: stages, tasks, decisions,
 * categories, routes, referral sources, legal statuses and closure reasons, exactly as the forms
 * offer them. The chronology, the emails and the messages speak these words, never the codes.
 *
 * <p>Design: one vocabulary, {@code frontend/src/lib/words.json}, which the tasklist's forms are
 * built from and the pom packages onto the classpath beside this class. A second, Java copy kept in
 * step by a test would be two places to change and one to forget; serving the words over the API
 * would make every screen wait on a request for text that only changes with a release. The tests
 * check that every code the back end accepts has its words here.
 */
public final class Words {

    private static final Map<String, Map<String, String>> LISTS;
    private static final Map<String, Map<String, Map<String, String>>> CHOICES;

    static {
        try (InputStream in = Words.class.getResourceAsStream("words.json")) {
            if (in == null) {
                throw new IllegalStateException("words.json is not on the classpath beside " + Words.class.getName());
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, String>> lists = new LinkedHashMap<>();
            Map<String, Map<String, Map<String, String>>> choices = new LinkedHashMap<>();
            root.fields().forEachRemaining(list -> {
                if (list.getKey().equals("choices")) {
                    list.getValue().fields().forEachRemaining(task -> {
                        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
                        task.getValue().fields().forEachRemaining(f -> fields.put(f.getKey(), pairs(f.getValue())));
                        choices.put(task.getKey(), Collections.unmodifiableMap(fields));
                    });
                } else {
                    lists.put(list.getKey(), pairs(list.getValue()));
                }
            });
            LISTS = Collections.unmodifiableMap(lists);
            CHOICES = Collections.unmodifiableMap(choices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Words() {
    }

    private static Map<String, String> pairs(JsonNode list) {
        Map<String, String> words = new LinkedHashMap<>();
        list.forEach(pair -> words.put(pair.get(0).asText(), pair.get(1).asText()));
        return Collections.unmodifiableMap(words);
    }

    /** A named list of words, in the form's order: stages, tasks, categories, routes, sources, … */
    public static Map<String, String> list(String name) {
        return LISTS.getOrDefault(name, Map.of());
    }

    /** The words of a task's choice field (its decision, outcome, …), in the form's order. */
    public static Map<String, String> choices(TaskKey task, String field) {
        return CHOICES.getOrDefault(task.key(), Map.of()).getOrDefault(field, Map.of());
    }

    /** The task keys and fields that have words for their options. */
    public static Map<String, Map<String, Map<String, String>>> allChoices() {
        return CHOICES;
    }

    /** What the form says for a task's choice: "Child protection plan" for holdInitialConference's CP_PLAN. */
    public static String choice(TaskKey task, String field, String code) {
        return word(choices(task, field), code);
    }

    public static String stage(Stage stage) {
        return word(list("stages"), stage.name());
    }

    /** The task's short name, as the inbox and the case page say it. */
    public static String task(TaskKey task) {
        return word(list("tasks"), task.key());
    }

    public static String category(String code) {
        return word(list("categories"), code);
    }

    public static String route(String code) {
        return word(list("routes"), code);
    }

    public static String source(String code) {
        return word(list("sources"), code);
    }

    public static String legalStatus(String code) {
        return word(list("legalStatuses"), code);
    }

    public static String closureReason(String code) {
        return word(list("closureReasons"), code);
    }

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|[_\\-]+");

    /**
     * Words for an element id that has neither a name nor a task's words:
     * {@code planReachesReviewPoint} becomes "Plan reaches review point", {@code END_CLOSE} "End close".
     * A last resort, so that no one is shown a camelCase or UPPER_SNAKE id.
     */
    public static String humanise(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String spaced = CAMEL.splitAsStream(id).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(java.util.Locale.UK))
                .reduce((a, b) -> a + " " + b).orElse("");
        return spaced.isEmpty() ? "" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /**
     * The words for a code, or, for a code that has none (which the tests forbid for any code the
     * product accepts), the code humanised rather than a failed request.
     */
    private static String word(Map<String, String> words, String code) {
        if (code == null) {
            return null;
        }
        String word = words.get(code);
        return word != null ? word : humanise(code);
    }
}
