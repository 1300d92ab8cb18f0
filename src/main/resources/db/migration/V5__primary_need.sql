-- The CIN census's primary need (N0–N9), decided when the assessment is authorised.
alter table assessment add column primary_need varchar(2);
