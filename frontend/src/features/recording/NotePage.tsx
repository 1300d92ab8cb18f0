import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError, Note } from '../../lib/types';
import { date, dateTime, NOTE_KINDS } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { usePageTitle } from '../../components/usePageTitle';
import { isVisit } from './draft';
import { TextArea, TextField } from './inputs';
import { SummaryList } from '../../components/SummaryList';

const yesNo = (v: boolean | null) => (v === null ? 'Not recorded' : v ? 'Yes' : 'No');

/** A note on the record, read; it is never edited, only amended (the amendment added beneath, with who, when and why). */
export function NotePage() {
  const { noteId = '' } = useParams();
  const note = useQuery({ queryKey: ['note', noteId], queryFn: () => api.note(noteId) });
  const n = note.data;
  const kase = useQuery({ queryKey: ['case', n?.caseIds[0]], queryFn: () => api.case(n!.caseIds[0]), enabled: !!n?.caseIds.length });
  usePageTitle(n ? n.subject || NOTE_KINDS[n.kind] || 'Note' : 'Note');
  if (note.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!n) return <h1 className="govuk-heading-l">Note not found</h1>;
  if (n.status === 'DRAFT') return <Navigate to={`/notes/${noteId}/edit`} replace />;
  const c = kase.data;
  const rows: [string, string][] = [
    ['Kind', NOTE_KINDS[n.kind] ?? 'Note'],
    ['When it happened', n.occurredAt ? dateTime(n.occurredAt) : 'Not recorded'],
    ['Written by', n.author],
    ['Added to the record', n.finalisedAt ? dateTime(n.finalisedAt) : ''],
    ['Who was present', n.people?.length ? n.people.map((p) => p.name).join(', ') : 'Not recorded'],
    ...(isVisit(n.kind) ? [['Was the child seen?', yesNo(n.childSeen)], ['Seen alone?', yesNo(n.childSeenAlone)]] as [string, string][] : []),
    ['Significant event', n.significant ? 'Yes' : 'No'],
  ];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {n.caseIds[0] && <Link className="govuk-back-link" to={`/cases/${n.caseIds[0]}/notes`}>Back to the notes</Link>}
        <span className="govuk-caption-l">{c ? `${c.child.firstName} ${c.child.lastName} · ${c.reference}` : ' '}</span>
        <h1 className="govuk-heading-l">{n.subject || NOTE_KINDS[n.kind] || 'Note'}</h1>
        <SummaryList rows={rows} />
        {n.caseIds.length > 1 && (
          <p className="govuk-body">Also recorded on {n.caseIds.slice(1).map((id, i) => (
            <span key={id}>{i > 0 ? ', ' : ''}<Link className="govuk-link" to={`/cases/${id}`}>another case in the family
              <span className="govuk-visually-hidden"> ({i + 1})</span></Link></span>))}.</p>
        )}
        <h2 className="govuk-heading-m">What happened</h2>
        <p className="govuk-body casepath-prewrap">{n.text}</p>
        <ChildsWords note={n} />
        <NoteActions note={n} />
        <Amendments note={n} />
      </div>
    </div>
  );
}

function ChildsWords({ note: n }: { note: Note }) {
  if (!n.threeHouses && !n.wishesAndFeelings) return null;
  const houses = n.threeHouses;
  return (
    <>
      <h2 className="govuk-heading-m">In the child’s words</h2>
      {houses && (
        <div className="casepath-columns">
          {([['House of worries', houses.worries], ['House of good things', houses.goodThings], ['House of dreams', houses.dreams]] as const)
            .map(([title, items]) => (
              <div key={title}>
                <h3 className="govuk-heading-s">{title}</h3>
                {items.length ? <ul className="govuk-list govuk-list--bullet">{items.map((t, i) => <li key={i}>“{t}”</li>)}</ul>
                  : <p className="govuk-body-s">Nothing said.</p>}
              </div>
            ))}
        </div>
      )}
      {n.wishesAndFeelings && (
        <>
          <h3 className="govuk-heading-s">Wishes and feelings</h3>
          <p className="govuk-body casepath-prewrap">“{n.wishesAndFeelings}”</p>
        </>
      )}
    </>
  );
}

function NoteActions({ note: n }: { note: Note }) {
  if (!n.actions?.length) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Actions</h2>
      <ol className="govuk-list govuk-list--number">
        {n.actions.map((a) => (
          <li key={a.actionId}>
            {a.text}
            <span className="casepath-block govuk-body-s">
              {a.assignee}, due {date(a.dueOn)}{a.setBy ? `, set by ${a.setBy}` : ''}
              {a.completedOn ? ` – done ${date(a.completedOn)}${a.outcome ? `: ${a.outcome}` : ''}` : ''}
              {!a.completedOn && a.taskId && <> · <Link className="govuk-link" to={`/tasks/${a.taskId}`}>The task
                <span className="govuk-visually-hidden"> for action: {a.text}</span></Link></>}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

function Amendments({ note: n }: { note: Note }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));

  async function submit() {
    const mine: FieldError[] = [];
    if (!text.trim()) mine.push({ field: 'text', message: 'is required' });
    if (!reason.trim()) mine.push({ field: 'reason', message: 'is required' });
    setErrors(mine);
    if (mine.length) return;
    try {
      await api.amendNote(n.noteId, { text, reason });
      setText('');
      setReason('');
      setDone(true);
      await client.invalidateQueries({ queryKey: ['note', n.noteId] });
      await client.invalidateQueries({ queryKey: ['notes'] });
    } catch (e) {
      setErrors(e instanceof ApiError ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    }
  }

  return (
    <>
      <h2 className="govuk-heading-m">Amendments</h2>
      {!n.amendments?.length ? <p className="govuk-body">None.</p> : (
        <ol className="govuk-list">
          {n.amendments.map((a, i) => (
            <li key={i} className="govuk-inset-text govuk-!-margin-top-0">
              <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">{dateTime(a.amendedAt)}, {a.amendedBy}</p>
              <p className="govuk-body casepath-prewrap govuk-!-margin-bottom-1">{a.text}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">Reason: {a.reason}</p>
            </li>
          ))}
        </ol>
      )}
      {done && <SuccessBanner text="Amendment added to the note." />}
      <ErrorSummary errors={errors} describe={(e) => `${{ text: 'The amendment', reason: 'Why it is amended', form: 'The amendment' }[e.field] ?? e.field} ${e.message}`} />
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <h3 className="govuk-heading-s">Add an amendment</h3>
        <p className="govuk-body-s">The note stays as it was written; the amendment is added beneath it.</p>
        <TextArea path="text" label="The amendment" value={text} onChange={setText} errors={byField} rows={4} />
        <TextField path="reason" label="Why it is amended" hint="For example, a date was wrong, or a name was misspelt."
                   value={reason} onChange={setReason} errors={byField} />
        <button type="submit" className="govuk-button govuk-button--secondary">Add the amendment</button>
      </form>
    </>
  );
}
