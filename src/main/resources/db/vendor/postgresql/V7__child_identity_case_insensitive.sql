-- A contact looks for the child already known by name and date of birth, case-insensitively.
-- Without this index that lookup read every child ever recorded (found by the timer benchmark:
-- recording contacts slowed as the child table grew). H2, for the demo, does without.
create index child_by_identity_ci on child (lower(last_name), lower(first_name), date_of_birth);
