-- The Signs of Safety map carried forward (casework.md): the current map of a case is the latest
-- of each part (the three columns, the danger statements, the safety scale), each read from the
-- newest row that recorded it. A part a form does not record is therefore null, not an empty
-- list: an empty list is a worker's answer ("nothing worries us now") and must replace what came
-- before, where a form that never asks about a part must leave the part as it was.
alter table sos_map alter column worries drop not null;
alter table sos_map alter column working_well drop not null;
alter table sos_map alter column needs_to_happen drop not null;
alter table sos_map alter column danger_statements drop not null;

-- Rows written before this version stored '[]' for the parts their form did not ask about: the
-- conferences had no columns, the review conference, screening and early help no danger
-- statements. Those were never answers, so they become "not recorded", and the current map of
-- a case already on a plan keeps the columns of its assessment or enquiry.
update sos_map set worries = null, working_well = null, needs_to_happen = null
where source_task in ('holdInitialConference', 'holdReviewConference');
update sos_map set danger_statements = null
where source_task in ('holdReviewConference', 'screenContact', 'completeEarlyHelpAssessment');
