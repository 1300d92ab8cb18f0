import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Note } from '../../lib/types';
import { dateTime, NOTE_KIND_OPTIONS, NOTE_KINDS } from '../../lib/words';
import { Pagination } from '../../components/Pagination';
import { KindFilter } from '../../components/KindFilter';

const SIZE = 20;
const PREVIEW = 600;

/** The case's notes, newest first: the final ones and the reader's own drafts, filtered by kind or to significant events. */
export function NotesTab({ caseId }: { caseId: string }) {
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const significant = params.get('significant') === 'true';
  const [page, setPage] = useState(0);
  const notes = useQuery({
    queryKey: ['notes', caseId, kind, significant, page],
    queryFn: () => api.notes(caseId, { kind: kind || undefined, significant: significant || undefined, page, size: SIZE }),
  });
  const update = (key: string, value: string) => {
    setPage(0);
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value); else next.delete(key);
      return next;
    }, { replace: true });
  };

  return (
    <>
      <h2 className="govuk-heading-m">Notes</h2>
      <Link className="govuk-button govuk-!-margin-bottom-4" draggable={false} to={`/cases/${caseId}/notes/new`}>
        Write a note
      </Link>
      <KindFilter id="notes" label="Filter the notes" kind={kind} significant={significant} options={NOTE_KIND_OPTIONS}
                  update={update} />
      {notes.isLoading && <p className="govuk-body">Loading…</p>}
      {notes.data && notes.data.items.length === 0 && <p className="govuk-body">No notes{kind || significant ? ' of this kind' : ' yet'}.</p>}
      {notes.data && notes.data.items.length > 0 && (
        <ol className="govuk-list casepath-notes">
          {notes.data.items.map((n) => <li key={n.noteId}><NoteItem note={n} /></li>)}
        </ol>
      )}
      {notes.data && <Pagination page={page} size={SIZE} total={notes.data.total} onPage={setPage} />}
    </>
  );
}

/** The summary's latest three notes. */
export function LatestNotes({ caseId }: { caseId: string }) {
  const notes = useQuery({ queryKey: ['notes', caseId, 'latest'], queryFn: () => api.notes(caseId, { page: 0, size: 3 }) });
  return (
    <>
      <h2 className="govuk-heading-m">Latest notes</h2>
      {notes.isLoading && <p className="govuk-body">Loading…</p>}
      {notes.data && notes.data.items.length === 0 && <p className="govuk-body">No notes yet.</p>}
      {notes.data && notes.data.items.length > 0 && (
        <ol className="govuk-list casepath-notes">
          {notes.data.items.slice(0, 3).map((n) => <li key={n.noteId}><NoteItem note={n} level={3} brief /></li>)}
        </ol>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/cases/${caseId}/notes`}>All the notes</Link>
        {' · '}
        <Link className="govuk-link" to={`/cases/${caseId}/notes/new`}>Write a note</Link>
      </p>
    </>
  );
}

/** One note in a list: what kind, when, about what, by whom, its tags, its text and amendments. */
export function NoteItem({ note: n, level = 3, brief = false }: { note: Note; level?: 3 | 4; brief?: boolean }) {
  const H = `h${level}` as 'h3' | 'h4';
  const draft = n.status === 'DRAFT';
  const text = n.text ?? '';
  const long = text.length > (brief ? 240 : PREVIEW);
  const title = n.subject || NOTE_KINDS[n.kind] || 'Note';
  return (
    <article className="casepath-note">
      <H className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link className="govuk-link" to={draft ? `/notes/${n.noteId}/edit` : `/notes/${n.noteId}`}>{title}</Link>
      </H>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        {NOTE_KINDS[n.kind] ?? 'Note'}{n.occurredAt ? ` · ${dateTime(n.occurredAt)}` : ''} · {n.author}
        {n.significant && <> <strong className="govuk-tag govuk-tag--purple">Significant</strong></>}
        {draft && <> <strong className="govuk-tag govuk-tag--yellow">Draft – only you can see this</strong></>}
      </p>
      {text && <p className="govuk-body casepath-prewrap govuk-!-margin-bottom-1">{long ? text.slice(0, brief ? 240 : PREVIEW) + '…' : text}</p>}
      {!brief && (n.amendments ?? []).length > 0 && (
        <div className="casepath-amendments">
          {n.amendments.map((a, i) => (
            <p key={i} className="govuk-body-s govuk-!-margin-bottom-1">
              <strong>Amended {dateTime(a.amendedAt)} by {a.amendedBy}:</strong> {a.text} <span className="casepath-block">Reason: {a.reason}</span>
            </p>
          ))}
        </div>
      )}
      <p className="govuk-body-s">
        {draft
          ? <Link className="govuk-link" to={`/notes/${n.noteId}/edit`}>Continue writing<span className="govuk-visually-hidden">: {title}</span></Link>
          : long || (brief && (n.amendments ?? []).length > 0)
            ? <Link className="govuk-link" to={`/notes/${n.noteId}`}>Read the whole note<span className="govuk-visually-hidden">: {title}</span></Link>
            : null}
      </p>
    </article>
  );
}
