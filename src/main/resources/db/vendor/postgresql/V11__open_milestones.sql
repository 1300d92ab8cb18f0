-- What is overdue now: the open milestones only, a small fraction of years of them. (H2, for the
-- demo, has no partial indexes and does without.)
create index milestone_open_by_due on milestone (due_on) where completed_on is null and cancelled = false;
