import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import { dateTime, NOTE_KINDS } from '../lib/words';

/** "Your unfinished notes" (GET /api/notes/drafts), shown only when there are drafts, newest saved first. */
export function UnfinishedNotes() {
  const drafts = useQuery({ queryKey: ['notes', 'drafts'], queryFn: () => api.drafts() });
  const items = drafts.data ?? [];
  if (!items.length) return null;
  return (
    <div className="govuk-inset-text casepath-drafts">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Your unfinished notes</h2>
      <ul className="govuk-list govuk-!-margin-bottom-0">
        {items.map((n) => (
          <li key={n.noteId}>
            <Link className="govuk-link" to={`/notes/${n.noteId}/edit`}>
              {n.subject || NOTE_KINDS[n.kind] || 'A note'}
            </Link>
            <span className="govuk-body-s"> – {NOTE_KINDS[n.kind] ?? 'kind not chosen'} for {n.childName} ({n.reference}),
              saved {dateTime(n.savedAt)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
