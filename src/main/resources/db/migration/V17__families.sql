-- Families: a family is of children (siblings referred together, or named as one by a contact's
-- familyGroup). Each child is in exactly one family; the adults around them and their
-- relationships are recorded with the people, not here.
create table family (
    family_id             varchar(36)  primary key,
    -- The name a contact's familyGroup gives the family, where one did: later contacts naming it join it.
    family_group          varchar(100) unique,
    created_at            timestamp with time zone not null
);

alter table child add column family_id varchar(36);

-- The children recorded so far: those whose cases name a family group (the greatest, where
-- their cases name several) are a family by it; its id is its first child's, so no SQL of
-- either database's own is needed to make one.
insert into family (family_id, family_group, created_at)
select min(g.child_id), g.family_group, min(g.created_at)
from (select ch.child_id, ch.created_at, max(c.family_group) as family_group
      from child ch join child_case c on c.child_id = ch.child_id
      where c.family_group is not null
      group by ch.child_id, ch.created_at) g
group by g.family_group;

update child set family_id = (
    select f.family_id from family f
    where f.family_group = (select max(c.family_group) from child_case c where c.child_id = child.child_id));

-- Every other child is a family of their own.
insert into family (family_id, family_group, created_at)
select child_id, null, created_at from child where family_id is null;
update child set family_id = child_id where family_id is null;

alter table child alter column family_id set not null;
alter table child add constraint child_in_family foreign key (family_id) references family (family_id);
create index child_by_family on child (family_id);
