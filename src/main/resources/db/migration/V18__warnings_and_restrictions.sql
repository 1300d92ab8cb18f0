-- Warnings (casework.md): raised on a person by one who may work one of their cases, agreed by a
-- team manager, reviewed on reviewOn. An ended warning is kept (who ended it, when and why): the
-- history of what was known about a risk matters as much as the current risk.
create table warning (
    warning_id            varchar(36)  primary key,
    person_id             varchar(36)  not null references person (person_id),
    type                  varchar(40)  not null,
    details               varchar(4000) not null,
    starts_on             date         not null,
    review_on             date         not null,
    agreed_by             varchar(100) not null,
    raised_by             varchar(100) not null,
    raised_at             timestamp with time zone not null,
    ended_on              date,
    ended_by              varchar(100),
    ended_at              timestamp with time zone,
    end_reason            varchar(4000)
);
create index warning_by_person on warning (person_id, ended_at);

-- The case page and the inbox show the warnings of the child's family group too (siblings
-- referred together): found through this index, one query for a whole page.
create index child_case_by_family_group on child_case (family_group);

-- Every inbox row names the person its task is about (the case's child, or, for a task without a
-- case, its subject: a warning review on an adult; case-note actions and supervision next), so a
-- restricted record's tasks are found from the person. A caseless row leaves its case columns empty.
alter table task_inbox add column person_id varchar(36);
alter table task_inbox alter column case_id drop not null;
alter table task_inbox alter column reference drop not null;
alter table task_inbox alter column stage drop not null;
update task_inbox set person_id = (select c.child_id from child_case c where c.case_id = task_inbox.case_id);
create index task_inbox_by_person on task_inbox (person_id);

-- Restricted records (casework.md): set by a service manager with a reason and the users allowed
-- to see the person's cases and tasks; lifted with a reason. Rows are never deleted, so who could
-- see the record, when and why stays on record. The current restriction is the one not lifted
-- (at most one a person: set and lifted under a lock on the person's row).
create table restriction (
    restriction_id        varchar(36)  primary key,
    person_id             varchar(36)  not null references person (person_id),
    reason                varchar(4000) not null,
    set_by                varchar(100) not null,
    set_at                timestamp with time zone not null,
    lifted_by             varchar(100),
    lifted_at             timestamp with time zone,
    lift_reason           varchar(4000)
);
create index restriction_by_person on restriction (person_id, lifted_at);

create table restriction_user (
    restriction_id        varchar(36)  not null references restriction (restriction_id),
    username              varchar(100) not null,
    primary key (restriction_id, username)
);

