package app.casepath;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import app.casepath.process.Words;

/**
 * Codes in text meant for people: UPPER_SNAKE codes (CP_PLAN), camelCase element ids
 * (reviewComesDue), bare codes in brackets ((NEG), (1B), (N0), (RC8)) and the product's one-word
 * codes on their own (NEG, ADVICE, S47). Not caught, because they are words: a case reference
 * (CP-0001234, with a hyphen), and the form's words that begin with their code ("2A Schools",
 * "RC8 Closed after assessment, no further action"). The same patterns are in frontend/e2e/journey.mjs.
 */
public final class Jargon {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b"),
            Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b"),
            Pattern.compile("\\(\\s*(?:[A-Z]{2,4}|[0-9]{1,2}[A-Z]?|[A-Z]{1,2}[0-9]{1,2})\\s*\\)"),
            oneWordCodes());

    private Jargon() {
    }

    /** Every code of words.json that is one capitalised word (NFA, ADVICE, NEG) or a letter and digits (S47, S20). */
    private static Pattern oneWordCodes() {
        Stream<String> lists = Stream.of("stages", "categories", "routes").flatMap(l -> Words.list(l).keySet().stream());
        Stream<String> choices = Words.allChoices().values().stream().flatMap(f -> f.values().stream())
                .flatMap(m -> m.keySet().stream());
        Set<String> codes = new java.util.TreeSet<>();
        Stream.concat(lists, choices).filter(c -> c.matches("[A-Z]{3,}|[A-Z][0-9]{2}")).forEach(codes::add);
        return Pattern.compile("\\b(?:" + String.join("|", codes) + ")\\b");
    }

    /** The codes found in the text, in order; empty when it is all words. */
    public static Set<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** Each text with the codes in it, for an assertion's message; empty when every text is words. */
    public static Map<String, Set<String>> inEach(List<String> texts) {
        Map<String, Set<String>> found = new java.util.LinkedHashMap<>();
        texts.forEach(t -> {
            Set<String> codes = in(t);
            if (!codes.isEmpty()) {
                found.put(t, codes);
            }
        });
        return found;
    }
}
