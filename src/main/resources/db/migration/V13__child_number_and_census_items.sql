-- The child's council-facing number (the census's LAchildID and Annex A's Child Unique ID:
-- letters and digits, at most 20, unique, never reused: drawn from a sequence), and what the
-- census asks of every child that the Front Door can record: UPN or the reason it is unknown,
-- a former UPN, the NHS number, and disabilities (census codes, JSON array text; null until
-- recorded, ["NONE"] for none).
create sequence child_number_seq start with 1;

alter table child add column child_number varchar(20);
alter table child add column upn varchar(13);
alter table child add column former_upn varchar(13);
alter table child add column upn_unknown varchar(4);
alter table child add column nhs_number varchar(10);
alter table child add column disabilities varchar(500);

update child set child_number = 'C' || lpad(cast(nextval('child_number_seq') as varchar(19)), 7, '0');
alter table child alter column child_number set not null;
create unique index child_by_number on child (child_number);
create index child_by_nhs_number on child (nhs_number);
