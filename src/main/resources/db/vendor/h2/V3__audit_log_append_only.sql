-- H2 (the local demo database) has no SQL triggers; on PostgreSQL, V3 makes audit_log
-- append-only. The application never updates or deletes audit rows on either.
select 1;
