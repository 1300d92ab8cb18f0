package app.casepath.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseDates;
import app.casepath.caserecord.JsonText;
import app.casepath.caserecord.SignsOfSafety;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class CompleteAssessmentHandler implements TaskFormHandler<CompleteAssessmentHandler.Assessment> {

    static final Set<String> RECOMMENDATIONS = Set.of("NFA", "EARLY_HELP", "CIN_PLAN", "STRATEGY_DISCUSSION", "ENTRY_TO_CARE");
    static final Set<String> SHARING = Set.of("EMAIL", "IN_PERSON", "POST", "NOT_SHARED");
    /** CIN census assessment factor codes: 1A–24A style (number, then a letter or none). */
    private static final Pattern FACTOR = Pattern.compile("^[0-9]{1,2}[A-Z]?$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    record Shared(String method, String email, String reasonNotShared) {
    }

    record Assessment(LocalDate childSeenOn, Boolean childSeenAlone, SignsOfSafety.Columns columns,
                      List<SignsOfSafety.DangerStatement> dangerStatements, Integer safetyScale, List<String> factors,
                      String recommendation, Shared shared) {
    }

    private final JdbcClient db;
    private final CaseDates dates;
    private final SignsOfSafety signsOfSafety;
    private final JsonText json;

    CompleteAssessmentHandler(JdbcClient db, CaseDates dates, SignsOfSafety signsOfSafety, JsonText json) {
        this.db = db;
        this.dates = dates;
        this.signsOfSafety = signsOfSafety;
        this.json = json;
    }

    @Override
    public TaskKey task() {
        return TaskKey.COMPLETE_ASSESSMENT;
    }

    @Override
    public Assessment read(Form form, TaskContext context) {
        LocalDate seenOn = form.optionalPastDate("childSeenOn");
        form.notBefore("childSeenOn", seenOn, dates.referralDate(context.caseId()), "the referral date");
        Boolean seenAlone = form.bool("childSeenAlone", false);
        SignsOfSafety.Columns columns = SignsOfSafety.Columns.read(form);
        List<SignsOfSafety.DangerStatement> dangers = SignsOfSafety.DangerStatement.read(form, "dangerStatements");
        Integer scale = form.score("safetyScale", true);
        List<String> factors = form.texts("assessmentFactors");
        for (int i = 0; i < factors.size(); i++) {
            if (!FACTOR.matcher(factors.get(i)).matches()) {
                form.error("assessmentFactors[" + i + "]", "must be a CIN census factor code such as 2B or 21");
            }
        }
        String recommendation = form.choice("recommendation", RECOMMENDATIONS);
        Form s = form.object("sharedWithFamily");
        String method = s.choice("method", SHARING);
        String email = s.text("email", "EMAIL".equals(method), 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            s.error("email", "must be an email address");
        }
        String reason = s.text("reasonNotShared", "NOT_SHARED".equals(method), 2000);
        return new Assessment(seenOn, seenAlone, columns, dangers, scale, factors, recommendation,
                new Shared(method, email, reason));
    }

    @Override
    public Completion apply(Assessment a, TaskContext context) {
        String caseId = context.caseId();
        Long open = db.sql("select max(id) from assessment where case_id = ? and authorised_on is null")
                .param(caseId).query(Long.class).optional().orElse(null);
        if (open == null) {
            db.sql("insert into assessment (case_id, started_on) values (?, ?)")
                    .params(caseId, dates.referralDate(caseId)).update();
        }
        db.sql("""
                update assessment set child_seen_on = ?, child_seen_alone = ?, factors = ?, recommendation = ?,
                       shared_method = ?, shared_email = ?, reason_not_shared = ?, completed_on = ?
                where id = (select max(id) from assessment where case_id = ? and authorised_on is null)""")
                .params(a.childSeenOn(), a.childSeenAlone(), json.of(a.factors()), a.recommendation(),
                        a.shared().method(), a.shared().email(), a.shared().reasonNotShared(), context.today(), caseId)
                .update();
        signsOfSafety.record(caseId, context.today(), task().key(), a.columns(), a.dangerStatements(),
                a.safetyScale(), context.user());
        // The family's copy is written and, when they asked for it by email, sent once the assessment is
        // authorised (AuthoriseAssessmentHandler): what they receive is what a manager has signed off.
        return Completion.of("Assessment completed. Recommendation: "
                + Words.choice(task(), "recommendation", a.recommendation()) + ".", null, Map.of());
    }
}
