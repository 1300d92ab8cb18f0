-- Supervision (teams.md): every allocated case has a cycle of supervisions, started at allocation
-- and ended at closure (bpmn/supervision.bpmn). A cycle's row says when it started, so a case with
-- no allocation or referral date still counts its first supervision from a fixed day.
create table supervision_cycle (
    case_id               varchar(36)  primary key references child_case (case_id),
    started_on            date         not null,
    ended_on              date
);

-- One supervision held, as its manager recorded it; the reflective lists in Signs of Safety's words.
create table supervision (
    supervision_id        varchar(36)  primary key,
    case_id               varchar(36)  not null references child_case (case_id),
    held_on               date         not null,
    attendees             varchar(20000) not null,
    worries               varchar(20000) not null,
    working_well          varchar(20000) not null,
    needs_to_happen       varchar(20000) not null,
    decisions             varchar(20000) not null,
    recorded_by           varchar(100) not null,
    recorded_at           timestamp with time zone not null,
    task_id               varchar(64)
);
create index supervision_by_case on supervision (case_id, held_on);

-- An action is set by an oversight note or by a supervision.
alter table case_action add column supervision_id varchar(36) references supervision (supervision_id);
create index case_action_by_supervision on case_action (supervision_id);
