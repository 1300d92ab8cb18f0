package app.casepath.panel;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.caserecord.JsonText;

/** Entry to Care Panel requests: the case's latest request is the one before the panel. */
@Repository
class PanelRequests {

    private final JdbcClient db;
    private final JsonText json;
    private final ObjectMapper mapper;

    PanelRequests(JdbcClient db, JsonText json, ObjectMapper mapper) {
        this.db = db;
        this.json = json;
        this.mapper = mapper;
    }

    long currentId(String caseId) {
        return db.sql("select max(id) from panel_request where case_id = ?").param(caseId).query(Long.class).single();
    }

    LocalDate requestedOn(String caseId) {
        return db.sql("select requested_on from panel_request where id = ?").param(currentId(caseId))
                .query(LocalDate.class).single();
    }

    void submit(String caseId, Evidence evidence) {
        db.sql("update panel_request set route = ?, reason = ?, evidence = ?, emergency_entered_on = ? where id = ?")
                .params(evidence.route(), evidence.reason(), json.of(evidence), evidence.emergencyEnteredOn(),
                        currentId(caseId)).update();
    }

    Evidence evidence(String caseId) {
        String text = db.sql("select evidence from panel_request where id = ?").param(currentId(caseId))
                .query(String.class).single();
        try {
            return mapper.readValue(text, Evidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored panel evidence unreadable for case " + caseId, e);
        }
    }

    void checked(String caseId, NetworkCheck.Result result, LocalDate on) {
        db.sql("""
                update panel_request set checks_run = checks_run + 1,
                       first_check_passed = coalesce(first_check_passed, ?),
                       check_passed = ?, check_gaps = ?, checked_on = ?, passed_on = ?
                where id = ?""")
                .params(result.passed(), result.passed(), json.of(result.gaps()), on, result.passed() ? on : null,
                        currentId(caseId)).update();
    }

    void decided(String caseId, PanelHandlers.Decision d) {
        db.sql("""
                update panel_request set decided_on = ?, decision = ?, approved_route = ?, conditions = ?, review_on = ?,
                       rationale = ?, panel_attendees = ?, closed = ?
                where id = ?""")
                .params(d.decidedOn(), d.decision(), d.approvedRoute(), d.conditions(), d.reviewOn(),
                        d.rationale(), json.of(d.attendees()), d.decision().equals("DECLINE"),
                        currentId(caseId)).update();
    }

    void reviewed(String caseId, LocalDate reviewedOn, boolean endorsed, String rationale) {
        db.sql("update panel_request set reviewed_on = ?, endorsed = ?, rationale = ?, closed = ? where id = ?")
                .params(reviewedOn, endorsed, rationale, !endorsed, currentId(caseId)).update();
    }

    void enteredCare(String caseId, LocalDate enteredOn, String legalStatus) {
        db.sql("update panel_request set entered_care_on = ?, legal_status = ?, closed = true where id = ?")
                .params(enteredOn, legalStatus, currentId(caseId)).update();
    }

    boolean openRequest(String caseId) {
        return db.sql("select count(*) from panel_request where case_id = ? and closed = false").param(caseId)
                .query(Integer.class).single() > 0;
    }
}
