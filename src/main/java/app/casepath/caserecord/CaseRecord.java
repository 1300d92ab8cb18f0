package app.casepath.caserecord;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import app.casepath.calendar.TimeSource;
import app.casepath.process.Stage;

/** The case row: one child episode, its stage, status and allocated worker. */
@Repository
public class CaseRecord {

    public enum Status { OPEN, CLOSED, LOOKED_AFTER }

    public record CaseRow(String caseId, long caseNumber, String childId, Stage stage, Status status,
                          String allocatedWorker, String earlyHelpWorker, LocalDate referralDate,
                          boolean reReferral, String processInstanceId) {
        public String reference() {
            return reference(caseNumber);
        }

        public static String reference(long caseNumber) {
            return String.format("CP-%07d", caseNumber);
        }
    }

    private final Map<String, String> references = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 50_000;
        }
    });
    private final JdbcClient db;
    private final TimeSource time;
    private final ApplicationEventPublisher events;

    public CaseRecord(JdbcClient db, TimeSource time, ApplicationEventPublisher events) {
        this.db = db;
        this.time = time;
        this.events = events;
    }

    public long open(String caseId, String childId, String familyGroup, boolean reReferral) {
        GeneratedKeyHolder caseNumber = new GeneratedKeyHolder();
        db.sql("""
                insert into child_case (case_id, child_id, family_group, stage, status, re_referral, opened_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, childId, familyGroup, Stage.FRONT_DOOR.name(), Status.OPEN.name(), reReferral,
                        Timestamp.from(time.now()))
                .update(caseNumber, "case_number");
        long number = caseNumber.getKey().longValue();
        references.put(caseId, CaseRow.reference(number));
        return number;
    }

    /** The case's reference, as staff and emails quote it (CP-0000123). */
    public String reference(String caseId) {
        // A case's number never changes, and every task and email of a journey quotes it.
        String known = references.get(caseId);
        if (known != null) {
            return known;
        }
        String reference = CaseRow.reference(db.sql("select case_number from child_case where case_id = ?")
                .param(caseId).query(Long.class).single());
        references.put(caseId, reference);
        return reference;
    }

    public Optional<CaseRow> find(String caseId) {
        return db.sql("""
                select case_id, case_number, child_id, stage, status, allocated_worker, early_help_worker,
                       referral_date, re_referral, process_instance_id
                from child_case where case_id = ?""").param(caseId).query(CaseRow.class).optional();
    }

    public CaseRow get(String caseId) {
        return find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
    }

    public void processStarted(String caseId, String processInstanceId) {
        db.sql("update child_case set process_instance_id = ? where case_id = ?").params(processInstanceId, caseId).update();
    }

    /** Moves the case to the stage; false if it was there already. */
    public boolean moveTo(String caseId, Stage stage) {
        return db.sql("update child_case set stage = ? where case_id = ? and stage <> ?")
                .params(stage.name(), caseId, stage.name()).update() == 1;
    }

    public void referralAccepted(String caseId, LocalDate referralDate) {
        db.sql("update child_case set referral_date = ? where case_id = ?").params(referralDate, caseId).update();
    }

    /** Allocates the case to a worker in a team (null where the council has no teams yet), from the day given. */
    public void allocate(String caseId, String teamId, String socialWorker, LocalDate allocatedOn) {
        db.sql("update child_case set team_id = ?, allocated_worker = ?, allocated_on = ?, unallocated_since = null where case_id = ?")
                .params(teamId, socialWorker, allocatedOn, caseId).update();
        events.publishEvent(new CaseAllocated(caseId, socialWorker));
    }

    /**
     * Moves the case to another worker (and team): when it was first allocated does not change,
     * and a supervision cycle already running goes on from its last supervision.
     */
    public void reallocate(String caseId, String teamId, String socialWorker) {
        db.sql("update child_case set team_id = ?, allocated_worker = ? where case_id = ?")
                .params(teamId, socialWorker, caseId).update();
        events.publishEvent(new CaseAllocated(caseId, socialWorker));
    }

    /** The team the case is allocated to, or waits in; null before its first allocation. */
    public String teamOf(String caseId) {
        return db.sql("select team_id from child_case where case_id = ?").param(caseId).query(String.class).optional().orElse(null);
    }

    /** Moves the case to a team without a worker: it waits there, from today, for the team to allocate one. */
    public void moveToTeam(String caseId, String teamId, LocalDate movedOn) {
        db.sql("update child_case set team_id = ?, allocated_worker = null, unallocated_since = ? where case_id = ?")
                .params(teamId, movedOn, caseId).update();
        events.publishEvent(new CaseAllocated(caseId, null));
    }

    public void earlyHelpWorker(String caseId, String worker) {
        db.sql("update child_case set early_help_worker = ? where case_id = ?").params(worker, caseId).update();
    }

    public void close(String caseId, Status status, LocalDate closedOn, String reason) {
        db.sql("update child_case set status = ?, closed_on = ?, closure_reason = ? where case_id = ?")
                .params(status.name(), closedOn, reason, caseId).update();
        events.publishEvent(new CaseClosed(caseId));
    }
}
