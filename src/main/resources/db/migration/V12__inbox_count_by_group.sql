-- "My teams' tasks" counts a group's open tasks. The (group_id, due_on, task_id) key is wide; on
-- group_id alone PostgreSQL keeps each group's entries as one deduplicated list, a small fraction
-- of the size, so counting a million open tasks reads a few megabytes instead of forty.
create index task_inbox_group_by_group on task_inbox_group (group_id);
