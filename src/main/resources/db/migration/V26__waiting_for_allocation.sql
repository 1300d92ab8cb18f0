-- A case moved to another team without a worker waits there for one (teams.md): its allocateCase
-- task is due the allocation timescale after the move, not after the referral.
alter table child_case add column unallocated_since date;
