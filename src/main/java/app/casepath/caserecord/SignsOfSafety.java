package app.casepath.caserecord;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.tasks.Form;

/**
 * The Signs of Safety map: the three columns, danger statements each paired with a safety goal,
 * and the 0–10 safety scale. Every form that maps adds a version to the case's history, with the
 * parts it records; a part it does not record is null. The current map is the latest of each
 * part, so a conference that only scales does not blank the columns an assessment wrote.
 */
@Repository
public class SignsOfSafety {

    /** The three columns; a column is null where the form did not record it. */
    public record Columns(List<String> worries, List<String> workingWell, List<String> needsToHappen) {
        /** The columns of a form that always maps them: a column left out is an empty one. */
        public static Columns read(Form form) {
            return new Columns(form.texts("worries"), form.texts("workingWell"), form.texts("needsToHappen"));
        }

        /**
         * The columns of a form where they are optional (the conferences, which recorded no columns
         * before issue 15): a column left out is not recorded, so a conference written without them
         * (an older client, siblings completed together) keeps the current map's; one given as an
         * empty list is the worker's answer and replaces it.
         */
        public static Columns readGiven(Form form) {
            return new Columns(given(form, "worries", form::texts), given(form, "workingWell", form::texts),
                    given(form, "needsToHappen", form::texts));
        }
    }

    public record DangerStatement(String statement, String safetyGoal) {
        /** A danger statement is only useful beside the safety goal that answers it. */
        public static List<DangerStatement> read(Form form, String field) {
            return form.objects(field).stream()
                    .map(item -> new DangerStatement(item.requiredText("statement"), item.requiredText("safetyGoal")))
                    .toList();
        }

        /** As {@link #read}, but left out (not an empty list) means not recorded: null. */
        public static List<DangerStatement> readGiven(Form form, String field) {
            return given(form, field, f -> read(form, f));
        }
    }

    /** One form's map, as it recorded it: parts it did not record are null. */
    public record Version(LocalDate recordedOn, String sourceTask, List<String> worries, List<String> workingWell,
                          List<String> needsToHappen, List<DangerStatement> dangerStatements, Integer safetyScale,
                          String scaledBy) {
    }

    /**
     * The latest of each part. A part no form has recorded yet is an empty list (or a null scale);
     * {@code recordedOn} is the latest date among the versions it was taken from.
     */
    public record CurrentMap(List<String> worries, List<String> workingWell, List<String> needsToHappen,
                             List<DangerStatement> dangerStatements, Integer safetyScale, LocalDate recordedOn) {
    }

    /** {@code current} is null until a form has recorded some part of a map; history is oldest first. */
    public record CaseMap(CurrentMap current, List<Version> history) {
    }

    /** The parts by their form field names, in the order forms show them. */
    static final String WORRIES = "worries";
    static final String WORKING_WELL = "workingWell";
    static final String NEEDS_TO_HAPPEN = "needsToHappen";
    static final String DANGER_STATEMENTS = "dangerStatements";
    static final String SAFETY_SCALE = "safetyScale";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<DangerStatement>> DANGERS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JsonText json;
    private final ObjectMapper mapper;

    public SignsOfSafety(JdbcClient db, JsonText json, ObjectMapper mapper) {
        this.db = db;
        this.json = json;
        this.mapper = mapper;
    }

    /**
     * Adds a version to the case's map. Any part may be null: the form does not record it, and the
     * current map keeps the part from an earlier version. A form that records no part at all (a
     * conference with no columns and no scale) adds nothing: an empty version would be noise in
     * the history.
     */
    public void record(String caseId, LocalDate on, String sourceTask, Columns columns,
                       List<DangerStatement> dangerStatements, Integer safetyScale, String scaledBy) {
        Columns c = columns == null ? new Columns(null, null, null) : columns;
        if (c.worries() == null && c.workingWell() == null && c.needsToHappen() == null && dangerStatements == null
                && safetyScale == null) {
            return;
        }
        db.sql("""
                insert into sos_map (case_id, recorded_on, source_task, worries, working_well, needs_to_happen,
                                     danger_statements, safety_scale, scaled_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, on, sourceTask, text(c.worries()), text(c.workingWell()), text(c.needsToHappen()),
                        text(dangerStatements), safetyScale, safetyScale == null ? null : scaledBy)
                .update();
    }

    /** Every version of the case's map, oldest first (by the date of the work, then as written). */
    public List<Version> history(String caseId) {
        return db.sql("""
                select recorded_on, source_task, worries, working_well, needs_to_happen, danger_statements, safety_scale,
                       scaled_by
                from sos_map where case_id = ? order by recorded_on, id""").param(caseId)
                .query((rs, n) -> new Version(rs.getObject("recorded_on", LocalDate.class), rs.getString("source_task"),
                        read(rs.getString("worries"), STRINGS), read(rs.getString("working_well"), STRINGS),
                        read(rs.getString("needs_to_happen"), STRINGS), read(rs.getString("danger_statements"), DANGERS),
                        (Integer) rs.getObject("safety_scale"), rs.getString("scaled_by")))
                .list();
    }

    /** The case's current map and its history; the caller has checked that the case may be read. */
    public CaseMap map(String caseId) {
        List<Version> history = history(caseId);
        CurrentMap current = latest(history).map(parts -> new CurrentMap(
                orEmpty(parts.get(WORRIES)), orEmpty(parts.get(WORKING_WELL)), orEmpty(parts.get(NEEDS_TO_HAPPEN)),
                orEmpty(parts.get(DANGER_STATEMENTS)), (Integer) parts.get(SAFETY_SCALE),
                (LocalDate) parts.get(RECORDED_ON))).orElse(null);
        return new CaseMap(current, history);
    }

    /**
     * The current map's parts by form field name (worries, workingWell, needsToHappen,
     * dangerStatements, safetyScale), only those some form has recorded: what a mapping form opens
     * with.
     */
    Map<String, Object> currentParts(String caseId) {
        return latest(history(caseId)).map(parts -> {
            parts.remove(RECORDED_ON);
            return parts;
        }).orElse(Map.of());
    }

    private static final String RECORDED_ON = "recordedOn";

    /** For each part, the newest version that recorded it; empty when none recorded any. */
    private static Optional<Map<String, Object>> latest(List<Version> oldestFirst) {
        Map<String, Object> parts = new LinkedHashMap<>();
        LocalDate recordedOn = null;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            Version v = oldestFirst.get(i);
            boolean used = putIfNew(parts, WORRIES, v.worries())
                    | putIfNew(parts, WORKING_WELL, v.workingWell())
                    | putIfNew(parts, NEEDS_TO_HAPPEN, v.needsToHappen())
                    | putIfNew(parts, DANGER_STATEMENTS, v.dangerStatements())
                    | putIfNew(parts, SAFETY_SCALE, v.safetyScale());
            if (used && recordedOn == null) {
                recordedOn = v.recordedOn(); // newest first: the first version used is the latest
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String part : List.of(WORRIES, WORKING_WELL, NEEDS_TO_HAPPEN, DANGER_STATEMENTS, SAFETY_SCALE)) {
            if (parts.containsKey(part)) {
                ordered.put(part, parts.get(part));
            }
        }
        ordered.put(RECORDED_ON, recordedOn);
        return Optional.of(ordered);
    }

    private static boolean putIfNew(Map<String, Object> parts, String part, Object value) {
        if (value == null || parts.containsKey(part)) {
            return false;
        }
        parts.put(part, value);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> orEmpty(Object list) {
        return list == null ? List.of() : (List<T>) list;
    }

    private static <T> T given(Form form, String field, Function<String, T> read) {
        return form.has(field) ? read.apply(field) : null;
    }

    private String text(Object part) {
        return part == null ? null : json.of(part);
    }

    private <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored map unreadable", e);
        }
    }
}
