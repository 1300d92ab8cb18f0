-- Teams (teams.md): a team says which children, a role group says what kind of work. A case is
-- allocated to a team and, within it, a worker; a person may be in several teams.
create table team (
    team_id               varchar(36)  primary key,
    name                  varchar(200) not null unique,
    service               varchar(30)  not null,
    created_at            timestamp with time zone not null
);

create table team_member (
    team_id               varchar(36)  not null references team (team_id),
    username              varchar(100) not null,
    role                  varchar(10)  not null,
    primary key (team_id, username, role)
);
create index team_member_by_user on team_member (username, team_id);

-- What the product knows of a member of staff beyond the identity provider: a newly qualified
-- worker (ASYE) is supervised more often.
create table staff (
    username              varchar(100) primary key,
    newly_qualified       boolean      not null default false,
    changed_by            varchar(100),
    changed_at            timestamp with time zone
);

alter table child_case add column team_id varchar(36) references team (team_id);
alter table child_case add column allocated_on date;
create index child_case_by_team on child_case (team_id, closed_on);
