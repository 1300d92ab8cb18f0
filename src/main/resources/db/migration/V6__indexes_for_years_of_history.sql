-- Found by the journey benchmark (BENCHMARKS.md): each of these was a sequential scan on every
-- task or due date, which grows with every year of history.
create index milestone_by_task on milestone (task_id);
create index conference_by_plan on conference (cp_plan_id, kind);
create index long_plan_review_by_plan on long_plan_review (cp_plan_id);
