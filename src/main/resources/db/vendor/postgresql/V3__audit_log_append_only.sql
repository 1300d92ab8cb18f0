-- The audit log is append-only: the database itself refuses to change or remove a row.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each statement execute function audit_log_append_only();
