package app.casepath.people;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The search keys of a name, the one way they are made (on writing a person, in migration V15,
 * and for a query): each word of the name lower-cased with its accents removed
 * (java.text.Normalizer: "Zoë" is "zoe"), and that word's two Double Metaphone keys, so that
 * names that sound alike meet (Mohammed / Muhammad / Mohamed, Katherine / Catherine,
 * Rahman / Rahmen).
 */
public final class PersonNames {

    /** One word of a name and its keys: person_name's row. */
    public record Key(String word, String normalised, String phonetic, String phoneticAlt) {
    }

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private PersonNames() {
    }

    /** Lower case, accents removed, only letters and digits kept ("O'Brien" is "obrien"). */
    public static String normalise(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The words of names (split at spaces and hyphens), each with its keys; duplicates once. */
    public static List<Key> keys(List<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        List<Key> keys = new ArrayList<>();
        for (String name : names) {
            if (name == null) {
                continue;
            }
            for (String word : name.strip().split("[\\s\\-]+")) {
                Key key = key(word);
                if (key != null && seen.add(key.normalised())) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** One word's keys, or null if nothing of it is a letter or digit. */
    public static Key key(String word) {
        String normalised = normalise(word);
        if (normalised.isEmpty()) {
            return null;
        }
        if (normalised.length() > 100) {
            normalised = normalised.substring(0, 100);
        }
        String phonetic = METAPHONE.doubleMetaphone(normalised);
        String alternate = METAPHONE.doubleMetaphone(normalised, true);
        // Digits alone have no sound: the word itself stands for it.
        if (phonetic == null || phonetic.isEmpty()) {
            phonetic = normalised.length() > 10 ? normalised.substring(0, 10) : normalised;
        }
        if (alternate == null || alternate.isEmpty()) {
            alternate = phonetic;
        }
        return new Key(word.length() > 100 ? word.substring(0, 100) : word, normalised, phonetic, alternate);
    }
}
