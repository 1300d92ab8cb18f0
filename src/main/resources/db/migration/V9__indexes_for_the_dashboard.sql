-- The dashboard and returns select by date over years of history (measured: BENCHMARKS.md).
create index contact_by_received on contact (received_at);
create index contact_by_referral_decision on contact (decided_on, became_referral);
-- With the due date and whether cancelled alongside, timeliness is counted from the index alone.
create index milestone_by_key_completed on milestone (milestone_key, completed_on, due_on, cancelled);
-- Open at any point in a period: still open (null) or closed on or after its start.
create index child_case_by_closed on child_case (closed_on, referral_date);
create index cp_plan_by_ended on cp_plan (ended_on, started_on);
create index cp_plan_by_started on cp_plan (started_on);
create index conference_by_held on conference (held_on);
create index assessment_by_authorised on assessment (authorised_on);
create index early_help_by_assessed on early_help (assessed_on);
