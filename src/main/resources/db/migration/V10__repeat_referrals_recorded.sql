-- Whether a referral (or an early help episode) repeats one in the previous 12 months is known
-- when it happens; recorded then, the dashboard counts a flag instead of searching each child's
-- history for every referral of the period (measured: BENCHMARKS.md).
alter table contact add column repeat_referral boolean not null default false;
alter table early_help add column repeat_episode boolean not null default false;

update contact k set repeat_referral = true
where k.became_referral = true and exists (
    select 1 from contact p join child_case pc on pc.case_id = p.case_id join child_case kc on kc.case_id = k.case_id
    where pc.child_id = kc.child_id and p.became_referral = true and p.id <> k.id
      and p.decided_on < k.decided_on and p.decided_on >= k.decided_on - interval '12' month);

update early_help e set repeat_episode = true
where exists (
    select 1 from early_help p join child_case pc on pc.case_id = p.case_id join child_case ec on ec.case_id = e.case_id
    where pc.child_id = ec.child_id and p.id <> e.id and p.ended_on is not null
      and p.ended_on < e.started_on and p.ended_on >= e.started_on - interval '12' month);
