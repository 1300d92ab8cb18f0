-- Finding people by name stops at the first page (People.find): each name word's index entries
-- are kept in the order hits are shown (last name, first name, person), so the first 50 people
-- with a common word are the first 50 entries read, not a sort of every match. A person's
-- names are copied here; People rewrites a person's person_name rows whenever they change.
alter table person_name add column last_name varchar(100);
alter table person_name add column first_name varchar(100);
update person_name set last_name = (select p.last_name from person p where p.person_id = person_name.person_id),
                       first_name = (select p.first_name from person p where p.person_id = person_name.person_id);
alter table person_name alter column last_name set not null;
alter table person_name alter column first_name set not null;

drop index person_name_by_normalised;
drop index person_name_by_phonetic;
drop index person_name_by_phonetic_alt;
create index person_name_by_normalised on person_name (normalised, last_name, first_name, person_id);
create index person_name_by_phonetic on person_name (phonetic, last_name, first_name, person_id);
create index person_name_by_phonetic_alt on person_name (phonetic_alt, last_name, first_name, person_id);
