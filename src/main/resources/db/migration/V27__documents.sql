-- Documents on a case (documents.md): what others send (uploads, with a category) and what
-- Casepath writes from the record (generated, with a kind). Never deleted: a service manager may
-- withdraw one with a reason, which hides it and keeps it. The bytes live apart from the
-- description (document_content) so that listing never reads them, and so that an object store
-- can take them over behind DocumentStore.
create table case_document (
    document_id           varchar(36)  primary key,
    case_id               varchar(36)  not null references child_case (case_id),
    title                 varchar(300) not null,
    -- Uploads: POLICE, HEALTH, SCHOOL, COURT, CORRESPONDENCE, PHOTO, OTHER; null when generated.
    category              varchar(20),
    generated             boolean      not null,
    -- Generated: FAMILY_ASSESSMENT, CONFERENCE_OUTCOME, CP_PLAN, CHRONOLOGY; null for uploads.
    kind                  varchar(30),
    file_name             varchar(255) not null,
    media_type            varchar(100) not null,
    size_bytes            bigint       not null,
    sha256                varchar(64)  not null,
    -- The date the document bears (a police report's date), else the day it was added.
    document_date         date         not null,
    -- CLEAN (scanned by ClamAV) or NOT_SCANNED (no scanner configured); generated ones are NOT_SCANNED.
    scan_status           varchar(20)  not null,
    added_by              varchar(100) not null,
    added_at              timestamp with time zone not null,
    withdrawn_at          timestamp with time zone,
    withdrawn_by          varchar(100),
    withdrawal_reason     varchar(2000)
);
create index case_document_by_case on case_document (case_id, document_date, added_at);

create table document_content (
    document_id           varchar(36)  primary key references case_document (document_id),
    content               bytea        not null
);

-- An email may carry one document (the family's copy of their assessment): the sender reads its
-- bytes when it sends, so the outbox row stays small and an outage loses nothing.
alter table email_outbox add column attachment_document_id varchar(36) references case_document (document_id);
