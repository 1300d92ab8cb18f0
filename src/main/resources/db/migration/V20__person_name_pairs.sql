-- Finding people by two or more words (People.find): a full name's words are each common (one
-- person in thirty may be a Mohammed, one in fifty a Khan), so joining each word's matches
-- reads tens of thousands of index entries to find the few hundred people with both. Every
-- ordered pair of two different words of a person's names, by each of the words' Double
-- Metaphone keys, is one row here, so "Mohamed Rahmen" is one index range: the people with a
-- word sounding like the first and another sounding like the second, in the order hits are
-- shown. People rewrites a person's pairs with their person_name rows.
create table person_name_pair (
    person_id             varchar(36)  not null references person (person_id),
    first_key             varchar(10)  not null,
    second_key            varchar(10)  not null,
    last_name             varchar(100) not null,
    first_name            varchar(100) not null
);
create index person_name_pair_by_keys on person_name_pair (first_key, second_key, last_name, first_name, person_id);
create index person_name_pair_by_person on person_name_pair (person_id);

insert into person_name_pair (person_id, first_key, second_key, last_name, first_name)
select distinct a.person_id, a.name_key, b.name_key, a.last_name, a.first_name
from (select person_id, normalised, phonetic as name_key, last_name, first_name from person_name
      union select person_id, normalised, phonetic_alt, last_name, first_name from person_name) a
join (select person_id, normalised, phonetic as name_key from person_name
      union select person_id, normalised, phonetic_alt from person_name) b
  on b.person_id = a.person_id and b.normalised <> a.normalised;
