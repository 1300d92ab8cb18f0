package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.Forms;
import app.casepath.JourneyDriver;
import app.casepath.families.Families;
import app.casepath.tasks.TaskCompletionService;

/**
 * Families over HTTP: one contact about three siblings makes three cases (three people) in one
 * family; the family read by those who may read its cases; the siblings' screening completed
 * together, all or none: one form refused, one task the caller may not work, tasks of two
 * families, or a failure inside the engine on the third leave every task open and the record unchanged.
 */
class FamiliesTest extends HttpTest {

    @Autowired
    TaskCompletionService completion;

    @Autowired
    Families families;

    private Map<String, Object> contact(List<Map<String, Object>> children) {
        return Map.of("receivedAt", now(), "source", "2A", "referrer", Map.of("name", "PC Ali Khan", "organisation", "Metropolitan Police"),
                "children", children, "concerns", "The three children were found home alone overnight.");
    }

    private static String now() {
        return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), JourneyDriver.LONDON).toOffsetDateTime().toString();
    }

    private static Map<String, Object> child(String firstName, String lastName, String dateOfBirth) {
        return new HashMap<>(Map.of("firstName", firstName, "lastName", lastName, "dateOfBirth", dateOfBirth,
                "gender", "F", "ethnicity", "WBRI"));
    }

    private long count(String table) {
        return journey.db().sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Three siblings on one contact; the answer's familyId and cases in the contact's order. */
    private JsonNode siblings(String lastName) {
        Map<String, Object> eldest = child("Amira", lastName, "2014-05-01");
        eldest.put("nhsNumber", "4010232110");
        eldest.put("disabilities", List.of("LD"));
        ResponseEntity<JsonNode> answer = as("fd.practitioner").post("/api/contacts", contact(List.of(eldest,
                child("Bilal", lastName, "2017-09-12"), child("Safa", lastName, "2021-02-03"))));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        return answer.getBody();
    }

    private List<String> caseIds(JsonNode recorded) {
        return recorded.get("cases").findValuesAsText("caseId");
    }

    private List<String> screenings(List<String> caseIds) {
        return caseIds.stream().map(c -> journey.task(c, "screenContact").getId()).toList();
    }

    private Map<String, Object> together(List<String> taskIds, List<Map<String, Object>> forms) {
        List<Map<String, Object>> completions = new ArrayList<>();
        for (int i = 0; i < taskIds.size(); i++) {
            completions.add(Map.of("taskId", taskIds.get(i), "form", forms.get(i)));
        }
        return Map.of("completions", completions);
    }

    private List<Long> chronologies(List<String> caseIds) {
        return caseIds.stream().map(c -> journey.db().sql("select count(*) from chronology where case_id = ?").param(c)
                .query(Long.class).single()).toList();
    }

    private void allStillOpen(List<String> caseIds, List<Long> chronologyBefore) {
        caseIds.forEach(c -> {
            assertThat(journey.openTaskKeys(c)).as("case %s", c).containsExactly("screenContact");
            assertThat(journey.record(c).stage()).as("case %s", c).hasToString("FRONT_DOOR");
        });
        assertThat(chronologies(caseIds)).as("no chronology of completion").isEqualTo(chronologyBefore);
        assertThat(journey.db().sql("select count(*) from form_submission where case_id in (?, ?, ?)")
                .params(caseIds.toArray()).query(Long.class).single()).as("no form submitted").isZero();
        assertThat(journey.db().sql("select count(*) from task_inbox where case_id in (?, ?, ?) and assignee is not null")
                .params(caseIds.toArray()).query(Long.class).single()).as("nothing claimed").isZero();
    }

    @Test
    void oneContactAboutThreeSiblingsMakesThreeCasesAndThreePeopleInOneFamily() {
        long people = count("person");
        JsonNode recorded = siblings("Osei");
        String familyId = recorded.get("familyId").asText();
        assertThat(recorded.get("cases")).hasSize(3);
        assertThat(recorded.get("cases").findValuesAsText("reReferral")).containsOnly("false");
        assertThat(count("person")).as("each child a person").isEqualTo(people + 3);

        for (String caseId : caseIds(recorded)) {
            JsonNode view = as("fd.practitioner").get("/api/cases/" + caseId).getBody();
            assertThat(view.get("familyId").asText()).isEqualTo(familyId);
            String childId = view.at("/child/childId").asText();
            assertThat(as("fd.practitioner").get("/api/people/" + childId).getStatusCode().value())
                    .as("the child's personId is their childId").isEqualTo(200);
        }
        JsonNode eldest = as("fd.practitioner").get("/api/cases/" + caseIds(recorded).get(0)).getBody().get("child");
        assertThat(eldest.get("nhsNumber").asText()).isEqualTo("4010232110");
        assertThat(eldest.get("disabilities")).extracting(JsonNode::asText).containsExactly("LD");

        ResponseEntity<JsonNode> family = as("fd.practitioner").get("/api/families/" + familyId);
        assertThat(family.getStatusCode().value()).isEqualTo(200);
        assertThat(family.getBody().get("children").findValuesAsText("firstName")).containsExactly("Amira", "Bilal", "Safa");
        JsonNode firstCase = family.getBody().at("/children/0/cases/0");
        assertThat(firstCase.get("stage").asText()).isEqualTo("FRONT_DOOR");
        assertThat(firstCase.at("/openTasks/0/taskKey").asText()).isEqualTo("screenContact");
        assertThat(firstCase.get("nextDueOn").asText()).isEqualTo(firstCase.at("/openTasks/0/dueOn").asText());
        assertThat(family.getBody().get("adults")).isEmpty();
        assertThat(family.getBody().get("warnings")).isEmpty();

        // Their mother, recorded on two of the children: one adult on the family page, related to each of them.
        List<String> childIds = family.getBody().get("children").findValuesAsText("childId");
        ResponseEntity<JsonNode> mother = as("fd.practitioner").post("/api/people/" + childIds.get(0) + "/relationships",
                Map.of("otherPerson", Map.of("kind", "ADULT", "firstName", "Grace", "lastName", "Osei"), "type", "MOTHER",
                        "parentalResponsibility", true, "livesWithChild", true));
        assertThat(mother.getStatusCode().value()).as(String.valueOf(mother.getBody())).isEqualTo(201);
        String motherId = mother.getBody().at("/otherPerson/personId").asText();
        assertThat(as("fd.practitioner").post("/api/people/" + childIds.get(1) + "/relationships",
                Map.of("otherPersonId", motherId, "type", "MOTHER", "parentalResponsibility", true)).getStatusCode().value())
                .isEqualTo(201);
        JsonNode adults = as("fd.practitioner").get("/api/families/" + familyId).getBody().get("adults");
        assertThat(adults.findValuesAsText("personId")).containsExactly(motherId);
        assertThat(adults.at("/0/relationships").findValuesAsText("childId")).containsExactly(childIds.get(0), childIds.get(1));
        assertThat(adults.at("/0/relationships").findValuesAsText("type")).containsOnly("MOTHER");

        // A risk-to-worker warning on the mother shows on all three children's cases (and the third is not hers).
        LocalDate today = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), JourneyDriver.LONDON).toLocalDate();
        ResponseEntity<JsonNode> warning = as("fd.practitioner").post("/api/people/" + motherId + "/warnings",
                Map.of("type", "RISK_TO_WORKER", "details", "Threatened a visiting nurse.", "startsOn", today.toString(),
                        "reviewOn", today.plusMonths(3).toString(), "agreedBy", "team.manager"));
        assertThat(warning.getStatusCode().value()).as(String.valueOf(warning.getBody())).isEqualTo(201);
        for (String caseId : caseIds(recorded)) {
            assertThat(as("fd.practitioner").get("/api/cases/" + caseId).getBody().get("warnings").findValuesAsText("personId"))
                    .as("on every child's case").containsExactly(motherId);
        }
        JsonNode warnings = as("fd.practitioner").get("/api/families/" + familyId).getBody().get("warnings");
        assertThat(warnings.findValuesAsText("type")).as("once across the family").containsExactly("RISK_TO_WORKER");
        assertThat(families.get(journey.as("team.manager"), familyId).children()).as("managers read every case").hasSize(3);
        assertThat(as("team.manager").get("/api/families/" + familyId).getStatusCode().value()).isEqualTo(200);
        assertThat(as("admin").get("/api/families/" + familyId).getStatusCode().value()).as("not a reader").isEqualTo(404);
        assertThat(as("fd.practitioner").get("/api/families/no-such-family").getStatusCode().value()).isEqualTo(404);
        assertThat(journey.db().sql("select count(*) from audit_log where path = ? and detail like ?")
                .params("/api/families/" + familyId, "%" + caseIds(recorded).get(2) + "%").query(Long.class).single())
                .as("the read audited with its cases").isPositive();

        // A later contact about one of them keeps the child in the family.
        JsonNode again = as("fd.practitioner").post("/api/contacts", Map.of("receivedAt", now(), "source", "3A",
                "referrer", Map.of("name", "A teacher"), "child", child("Bilal", "Osei", "2017-09-12"),
                "concerns", "Bilal came to school hungry.")).getBody();
        assertThat(again.get("familyId").asText()).isEqualTo(familyId);
    }

    @Test
    void twoContactsNamingOneNewFamilyAtOnceShareIt() throws Exception {
        Map<String, Object> first = new HashMap<>(contact(List.of(child("Nia", "Balogun", "2016-01-10"))));
        first.put("familyGroup", "balogun-household");
        Map<String, Object> second = new HashMap<>(contact(List.of(child("Tobi", "Balogun", "2018-06-21"))));
        second.put("familyGroup", "balogun-household");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> as("fd.practitioner").post("/api/contacts", first));
            var b = pool.submit(() -> as("fd.practitioner").post("/api/contacts", second));
            ResponseEntity<JsonNode> one = a.get();
            ResponseEntity<JsonNode> other = b.get();
            assertThat(one.getStatusCode().value()).as(String.valueOf(one.getBody())).isEqualTo(201);
            assertThat(other.getStatusCode().value()).as(String.valueOf(other.getBody())).isEqualTo(201);
            assertThat(one.getBody().get("familyId").asText()).as("one family").isEqualTo(other.getBody().get("familyId").asText());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void oneInvalidChildIsNamedByItsPlaceAndNothingIsWritten() {
        long cases = count("child_case");
        long people = count("person");
        Map<String, Object> wrong = child("Wrong", "Numbers", "2016-01-01");
        wrong.put("nhsNumber", "4010232103");
        ResponseEntity<JsonNode> answer = as("fd.practitioner").post("/api/contacts",
                contact(List.of(child("Right", "Numbers", "2015-01-01"), wrong)));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("children[1].nhsNumber");
        assertThat(count("child_case")).isEqualTo(cases);
        assertThat(count("person")).isEqualTo(people);
    }

    @Test
    void siblingsAreScreenedTogetherAllOrNone() {
        List<String> caseIds = caseIds(siblings("Mensah"));
        List<String> tasks = screenings(caseIds);
        List<Long> chronologyBefore = chronologies(caseIds);
        Map<String, Object> good = Forms.screen("ASSESSMENT");
        Map<String, Object> bad = new HashMap<>(good);
        bad.put("decision", "MAYBE");

        ResponseEntity<JsonNode> refused = as("fd.practitioner").post("/api/tasks/complete-together",
                together(tasks, List.of(good, good, bad)));
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("completions[2].decision");
        allStillOpen(caseIds, chronologyBefore);

        ResponseEntity<JsonNode> notTheirs = as("team.manager").post("/api/tasks/complete-together",
                together(tasks, List.of(good, good, good)));
        assertThat(notTheirs.getStatusCode().value()).as("not in front-door").isEqualTo(403);
        allStillOpen(caseIds, chronologyBefore);

        ResponseEntity<JsonNode> done = as("fd.practitioner").post("/api/tasks/complete-together",
                together(tasks, List.of(good, good, good)));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
        caseIds.forEach(c -> {
            assertThat(journey.openTaskKeys(c)).as("case %s", c).doesNotContain("screenContact").isNotEmpty();
            assertThat(journey.record(c).stage()).hasToString("ASSESSMENT");
            assertThat(journey.chronologyKinds(c)).contains("screenContact");
        });
        assertThat(as("fd.practitioner").post("/api/tasks/complete-together", together(tasks, List.of(good, good, good)))
                .getStatusCode().value()).as("already done").isEqualTo(409);
    }

    @Test
    void tasksOfDifferentFamiliesOrKindsOrRepeatedAreRefused() {
        List<String> one = caseIds(siblings("Boateng"));
        List<String> other = caseIds(siblings("Asante"));
        List<Long> before = chronologies(one);
        Map<String, Object> good = Forms.screen("ASSESSMENT");
        ResponseEntity<JsonNode> refused = as("fd.practitioner").post("/api/tasks/complete-together",
                together(List.of(screenings(one).get(0), screenings(one).get(1), screenings(other).get(0)),
                        List.of(good, good, good)));
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("completions[2].taskId");
        allStillOpen(one, before);

        String first = screenings(one).get(0);
        ResponseEntity<JsonNode> twice = as("fd.practitioner").post("/api/tasks/complete-together",
                together(List.of(first, first), List.of(good, good)));
        assertThat(twice.getBody().get("errors").findValuesAsText("field")).containsExactly("completions[1].taskId");
        for (Object body : List.of(Map.of(), Map.of("completions", List.of()), Map.of("completions", "all"),
                Map.of("completions", List.of(Map.of("taskId", first, "form", "yes"))),
                Map.of("completions", List.of(Map.of("taskId", 7))))) {
            assertThat(as("fd.practitioner").post("/api/tasks/complete-together", body).getStatusCode().value())
                    .as(String.valueOf(body)).isEqualTo(400);
        }
        allStillOpen(one, before);
    }

    /** The engine fails inside the third completion: the first two, engine and record, are undone with it. */
    @Test
    void aFailureInTheThirdCompletionUndoesTheFirstTwo() {
        List<String> caseIds = caseIds(siblings("Owusu"));
        List<String> tasks = screenings(caseIds);
        List<Long> chronologyBefore = chronologies(caseIds);
        // The engine deletes a task's row when it completes it; for the third, PostgreSQL refuses.
        journey.db().sql("""
                create or replace function refuse_third() returns trigger as $$
                begin raise exception 'the third completion fails'; end $$ language plpgsql""").update();
        journey.db().sql("create trigger refuse_third before delete on act_ru_task for each row when (old.id_ = '"
                + tasks.get(2) + "') execute function refuse_third()").update();
        try {
            Map<String, Object> good = Forms.screen("STRATEGY_DISCUSSION");
            assertThatThrownBy(() -> completion.completeTogether(journey.as("fd.practitioner"),
                    journey.json(together(tasks, List.of(good, good, good))), families::ofCase))
                    .hasStackTraceContaining("the third completion fails");
        } finally {
            journey.db().sql("drop trigger refuse_third on act_ru_task").update();
            journey.db().sql("drop function refuse_third()").update();
        }
        allStillOpen(caseIds, chronologyBefore);
        assertThat(journey.db().sql("select count(*) from contact where case_id in (?, ?, ?) and decision is not null")
                .params(caseIds.toArray()).query(Long.class).single()).as("no screening decision recorded").isZero();
    }
}
