-- "My team's tasks" (teams.md) is the open work of cases allocated to my teams, plus the
-- unallocated work of my groups (offered to the group, held by no one). Each inbox row carries
-- its case's team, kept in step with the allocation, so a team's tasks page off an index in due
-- order; and each group row says whether someone holds the task, so a group's pool does too.
alter table task_inbox add column team_id varchar(36);
update task_inbox set team_id = (select c.team_id from child_case c where c.case_id = task_inbox.case_id);
create index task_inbox_by_team on task_inbox (team_id, due_on, task_id);

alter table task_inbox_group add column held boolean default false not null;
update task_inbox_group set held = true
    where exists (select 1 from task_inbox t where t.task_id = task_inbox_group.task_id and t.assignee is not null);
create index task_inbox_group_pool on task_inbox_group (group_id, held, due_on, task_id);
-- Counting a group's pool reads (group_id, held) alone: as V12's index, a deduplicated list per key.
drop index task_inbox_group_by_group;
create index task_inbox_group_pool_count on task_inbox_group (group_id, held);
