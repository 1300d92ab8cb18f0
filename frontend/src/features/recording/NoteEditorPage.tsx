import { useMemo, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { CaseView, FieldError, Note } from '../../lib/types';
import { dateTime, NOTE_KIND_OPTIONS, time } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { inGroup, useSession } from '../auth/session';
import { check, emptyDraft, fromNote, isVisit, TEXT_LIMIT, toBody, type Draft } from './draft';
import { forget, keyFor, readKept, useAutosave, type Kept, type SaveStatus } from './autosave';
import { Checkboxes, DateInput, Select, TextArea, TextField, TextList, YesNo } from './inputs';

const MANAGERS = ['team-managers', 'service-managers'];
const NO_ONE: { personId: string; name: string }[] = [];

/**
 * Writing a note: `/cases/:caseId/notes/new` (a new note, `?kind=HOME_VISIT` to start with a kind) and
 * `/notes/:noteId/edit` (a draft). A new note becomes a draft at its first change and the address moves to the
 * draft's own, the same form carrying on (so a refresh reopens the draft).
 */
export function NoteEditorPage() {
  const { caseId: routeCase, noteId: routeNote } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useRef<{ created: string | null; caseId: string | null; kind: string | null; started: string }>(
    { created: null, caseId: routeCase ?? null, kind: params.get('kind'), started: location.key });
  // Coming to "Write a note" again (not the move to the draft's own address) starts a new note.
  if (!routeNote && session.current.started !== location.key) {
    session.current = { created: null, caseId: routeCase ?? null, kind: params.get('kind'), started: location.key };
  }
  const ours = !!routeNote && routeNote === session.current.created;
  // Finalised here: the form goes on to the case's notes itself, so the refetch that now finds the note FINAL
  // must not send the page to the finished note instead.
  const finalisedHere = useRef<string | null>(null);
  const note = useQuery({ queryKey: ['note', routeNote], queryFn: () => api.note(routeNote!), enabled: !!routeNote && !ours,
    staleTime: Infinity, refetchOnWindowFocus: false });

  if (routeNote && !ours) {
    if (note.isLoading) return <p className="govuk-body">Loading…</p>;
    if (!note.data) return <h1 className="govuk-heading-l">Note not found</h1>;
    if (note.data.status === 'FINAL' && finalisedHere.current !== routeNote) return <Navigate to={`/notes/${routeNote}`} replace />;
    return <NoteForm key={routeNote} caseId={note.data.caseIds[0]} note={note.data}
                     onFinalised={(id) => { finalisedHere.current = id; }} />;
  }
  return <NoteForm key={`new-${session.current.started}`} caseId={session.current.caseId ?? ''} note={null} kind={session.current.kind}
                   onCreated={(n) => { session.current.created = n.noteId; navigate(`/notes/${n.noteId}/edit`, { replace: true }); }} />;
}

function statusWords(status: SaveStatus, note: Note | null): string {
  switch (status.kind) {
    case 'saving': return 'Saving…';
    case 'saved': return `Draft saved at ${time(status.at)}`;
    case 'failed':
      if (status.why === 'offline') {
        return 'Not saved – no connection. What you typed is kept on this device and will be saved when you are back online.';
      }
      if (status.why === 'signedOut') {
        return 'Not saved – you have been signed out. What you typed is kept on this device and will be saved when you sign in again.';
      }
      return `Not saved – ${status.detail}. What you typed is kept on this device.`;
    default:
      return note ? `Draft saved at ${time(note.savedAt)}` : 'Your note is saved as a draft as you write it.';
  }
}

function NoteForm({ caseId, note, kind, onCreated, onFinalised }: {
  caseId: string; note: Note | null; kind?: string | null; onCreated?: (n: Note) => void; onFinalised?: (noteId: string) => void;
}) {
  const { me } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const manager = inGroup(me, ...MANAGERS);
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => api.case(caseId), enabled: !!caseId });
  const [draft, setDraft] = useState<Draft>(() => (note ? fromNote(note, caseId) : emptyDraft(kind ?? null)));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [offer, setOffer] = useState<Kept | null>(() => {
    const kept = readKept(keyFor(note?.noteId ?? null, caseId));
    if (!kept) return null;
    if (note && new Date(kept.at).getTime() <= new Date(note.savedAt).getTime()) return null;
    if (note && JSON.stringify(kept.draft) === JSON.stringify(fromNote(note, caseId))) return null;
    return kept;
  });
  const autosave = useAutosave({
    noteId: note?.noteId ?? null, caseId, onCreated,
    create: (d) => {
      const body = toBody(d, caseId);
      return body.caseIds ? api.addNoteOnCases(body.caseIds, body) : api.addNote(caseId, body);
    },
    save: (id, d) => api.saveNote(id, toBody(d, caseId)),
  });
  usePageTitle(note ? 'Continue writing a note' : 'Write a note');

  const current = useRef(draft);
  /** `pause`: save after the pause even before the draft exists (ticking several siblings' cases, one by one). */
  const update = (patch: Partial<Draft>, pause = false) => {
    const next = { ...current.current, ...patch };
    current.current = next;
    setDraft(next);
    autosave.change(next, pause);
  };

  const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
  const kindOptions = NOTE_KIND_OPTIONS.filter(([code]) => code !== 'MANAGEMENT_OVERSIGHT' || manager
    || draft.kind === 'MANAGEMENT_OVERSIGHT');

  async function finalise() {
    const mine = check(draft);
    if (mine.length) {
      setErrors(mine);
      return;
    }
    setSending(true);
    try {
      if (!autosave.noteId()) autosave.change(draft);
      const id = await autosave.flush();
      onFinalised?.(id!);
      const done = await api.finaliseNote(id!);
      await autosave.stop();
      await client.invalidateQueries();
      navigate(`/cases/${caseId}/notes`, { state: { done: done.visitTaskCompleted
        ? 'Note added to the record. The statutory visit was recorded.' : 'Note added to the record.' } });
    } catch (e) {
      setErrors(e instanceof ApiError
        ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'could not be saved: there is no connection. What you typed is kept on this device.' }]);
    } finally {
      setSending(false);
    }
  }

  async function discard() {
    const id = await autosave.stop();
    if (id) {
      try {
        await api.discardNote(id);
      } catch (e) {
        setErrors([{ field: 'form', message: e instanceof ApiError ? e.detail || e.title : 'could not be discarded: there is no connection.' }]);
        return;
      }
    }
    await client.invalidateQueries({ queryKey: ['notes'] });
    navigate(`/cases/${caseId}/notes`, { state: { done: 'Draft discarded.' } });
  }

  function restore() {
    if (!offer) return;
    current.current = offer.draft;
    setDraft(offer.draft);
    autosave.change(offer.draft);
    setOffer(null);
  }

  const c = view.data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/cases/${caseId}/notes`}>Back to the notes</Link>
        <ErrorSummary errors={errors} describe={(e) => (e.field === 'form' ? `The note ${e.message}` : `${FIELD_NAMES[e.field.replace(/\[\d+]/g, '[]')] ?? humanField(e.field)} ${e.message}`)} />
        {offer && (
          <div className="govuk-notification-banner" role="region" aria-labelledby="kept-title">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="kept-title">Not yet saved</h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                This device kept what you typed at {dateTime(offer.at)}, which was not saved{note ? ' in the draft' : ''}.
              </p>
              <div className="govuk-button-group">
                <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={restore}>Restore what I typed</button>
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onClick={() => { forget(keyFor(note?.noteId ?? null, caseId)); setOffer(null); }}>
                  {note ? 'Keep the saved draft' : 'Start a new note'}
                </button>
              </div>
            </div>
          </div>
        )}
        <span className="govuk-caption-l">{c ? `${c.child.firstName} ${c.child.lastName} · ${c.reference}` : ' '}</span>
        <h1 className="govuk-heading-l">{note ? 'Continue writing a note' : 'Write a note'}</h1>
        <form onSubmit={(e) => e.preventDefault()} noValidate>
          {c && <AlsoOn view={c} draft={draft} errors={byField} fixed={!!note || autosave.noteId() !== null}
                        onChange={(alsoOn) => update({ alsoOn }, true)} />}
          <Select path="kind" label="What kind of note" value={draft.kind} options={kindOptions} errors={byField}
                  onChange={(v) => update({ kind: v as Draft['kind'] })} />
          <DateInput path="occurredAt" label="When it happened" hint="For example, 27 3 2026 and 14:30. Not in the future."
                     value={draft.when} time={draft.time} errors={byField}
                     onChange={(when) => update({ when })} onTime={(t) => update({ time: t })} />
          <TextField path="subject" label="Subject" value={draft.subject} errors={byField} onChange={(subject) => update({ subject })} />
          {isVisit(draft.kind) && (
            <>
              <div className="govuk-inset-text">If the child was seen, this records the statutory visit.</div>
              <YesNo path="childSeen" label="Was the child seen?" value={draft.childSeen} errors={byField}
                     onChange={(childSeen) => update(childSeen ? { childSeen } : { childSeen, childSeenAlone: null })} />
              {draft.childSeen && (
                <YesNo path="childSeenAlone" label="Seen alone?" value={draft.childSeenAlone} errors={byField}
                       onChange={(childSeenAlone) => update({ childSeenAlone })} />
              )}
            </>
          )}
          <TextArea path="text" label="What happened" rows={10} maxLength={TEXT_LIMIT} value={draft.text} errors={byField}
                    onChange={(text) => update({ text })} />
          {draft.kind === 'DIRECT_WORK' && <DirectWork draft={draft} update={update} errors={byField} />}
          {draft.kind === 'MANAGEMENT_OVERSIGHT' && manager && <Actions draft={draft} update={update} errors={byField} />}
          {c && <People view={c} draft={draft} update={update} errors={byField} known={note?.people ?? NO_ONE} />}
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="f-significant" type="checkbox" checked={draft.significant}
                       aria-describedby="f-significant-hint" onChange={(e) => update({ significant: e.target.checked })} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="f-significant">Significant event</label>
                <div id="f-significant-hint" className="govuk-hint govuk-checkboxes__hint">
                  Significant events are the chronology a court or an audit asks for.
                </div>
              </div>
            </div>
          </div>
          <p className="govuk-body-s casepath-save-status" role="status">{statusWords(autosave.status, note)}</p>
          {confirming ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
              <div className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                <p className="govuk-body govuk-!-font-weight-bold">Discard this draft? What you have written will be lost.</p>
                <div className="govuk-button-group">
                  <button type="button" className="govuk-button govuk-button--warning" onClick={discard}>Yes, discard the draft</button>
                  <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(false)}>No, keep writing</button>
                </div>
              </div>
            </div>
          ) : (
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" onClick={finalise} disabled={sending}>Add to the record</button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(true)}>Discard draft</button>
            </div>
          )}
        </form>
      </div>
    </div>
  );
}

const FIELD_NAMES: Record<string, string> = {
  kind: 'What kind of note', occurredAt: 'When it happened', subject: 'Subject', text: 'What happened', people: 'Who was present',
  childSeen: 'Was the child seen', childSeenAlone: 'Seen alone', 'threeHouses.worries': 'House of worries',
  'threeHouses.goodThings': 'House of good things', 'threeHouses.dreams': 'House of dreams', wishesAndFeelings: 'Wishes and feelings',
  'actions[].text': 'Action', 'actions[].assignee': 'Who will do it', 'actions[].dueOn': 'Due by', caseIds: 'Also record this note on',
};

function humanField(path: string) {
  const last = path.split('.').pop() ?? path;
  const words = last.replace(/\[(\d+)]/g, ' $1').replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Part = { draft: Draft; update: (p: Partial<Draft>) => void; errors: Record<string, string> };

function DirectWork({ draft, update, errors }: Part) {
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Three Houses</legend>
      <div className="govuk-hint">In the child’s own words, as they said or wrote them.</div>
      <TextList path="threeHouses.worries" label="House of worries" item="worry" items={draft.worries} errors={errors}
                onChange={(worries) => update({ worries })} />
      <TextList path="threeHouses.goodThings" label="House of good things" item="good thing" items={draft.goodThings} errors={errors}
                onChange={(goodThings) => update({ goodThings })} />
      <TextList path="threeHouses.dreams" label="House of dreams" item="dream" items={draft.dreams} errors={errors}
                onChange={(dreams) => update({ dreams })} />
      <TextArea path="wishesAndFeelings" label="Wishes and feelings" labelClass="govuk-label--s" hint="In the child’s own words."
                value={draft.wishesAndFeelings} errors={errors} onChange={(wishesAndFeelings) => update({ wishesAndFeelings })} />
    </fieldset>
  );
}

function Actions({ draft, update, errors }: Part) {
  const workers = useQuery({ queryKey: ['users', 'social-workers'], queryFn: () => api.users('social-workers') });
  const options = (workers.data ?? []).map((u) => [u.username, `${u.displayName} (${u.username})`] as [string, string]);
  const set = (i: number, patch: Partial<Draft['actions'][number]>) =>
    update({ actions: draft.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Actions</legend>
      <div className="govuk-hint">Each action is a task in the inbox of the person who will do it.</div>
      {draft.actions.map((a, i) => (
        <div key={i} className="govuk-inset-text">
          <TextArea path={`actions[${i}].text`} label={`Action ${i + 1}`} rows={2} value={a.text} errors={errors}
                    onChange={(text) => set(i, { text })} />
          <Select path={`actions[${i}].assignee`} label={`Who will do action ${i + 1}`} value={a.assignee} options={options}
                  errors={errors} onChange={(assignee) => set(i, { assignee })} />
          <DateInput path={`actions[${i}].dueOn`} label={`Action ${i + 1} due by`} hint="For example, 27 3 2026." value={a.dueOn}
                     errors={errors} onChange={(dueOn) => set(i, { dueOn })} />
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => update({ actions: draft.actions.filter((_, j) => j !== i) })}>
            Remove<span className="govuk-visually-hidden"> action {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="govuk-button govuk-button--secondary"
              onClick={() => update({ actions: [...draft.actions, { text: '', assignee: '', dueOn: { day: '', month: '', year: '' } }] })}>
        Add {draft.actions.length ? 'another' : 'an'} action
      </button>
    </fieldset>
  );
}

/** Who was present (the child and the people around them), and the siblings' open cases to record the note on too. */
function People({ view: c, draft, update, errors, known }: Part & { view: CaseView; known: { personId: string; name: string }[] }) {
  const child = c.child;
  const person = useQuery({ queryKey: ['person', child.childId], queryFn: () => api.person(child.childId) });
  const family = useQuery({ queryKey: ['family', c.familyId], queryFn: () => api.family(c.familyId!), enabled: !!c.familyId });
  const present = useMemo(() => {
    const seen = new Map<string, string>([[child.childId, `${child.firstName} ${child.lastName} (the child)`]]);
    for (const r of person.data?.relationships ?? []) {
      if (r.current !== false && !seen.has(r.otherPerson.personId)) seen.set(r.otherPerson.personId, `${r.otherPerson.firstName} ${r.otherPerson.lastName}`);
    }
    for (const s of family.data?.children ?? []) if (!seen.has(s.personId)) seen.set(s.personId, `${s.firstName} ${s.lastName}`);
    for (const a of family.data?.adults ?? []) if (!seen.has(a.personId)) seen.set(a.personId, `${a.firstName} ${a.lastName}`);
    for (const k of known) if (!seen.has(k.personId)) seen.set(k.personId, k.name);
    return [...seen.entries()] as [string, string][];
  }, [child, person.data, family.data, known]);
  return (
    <Checkboxes path="people" label="Who was present" value={draft.people} options={present} errors={errors}
                onChange={(people) => update({ people })} />
  );
}

/**
 * The brothers' and sisters' open cases to record the note on too. The API fixes a note's cases when its draft is
 * created, so this is asked first, and once the draft exists it is said rather than asked.
 */
function AlsoOn({ view: c, draft, errors, fixed, onChange }: {
  view: CaseView; draft: Draft; errors: Record<string, string>; fixed: boolean; onChange: (alsoOn: string[]) => void;
}) {
  const family = useQuery({ queryKey: ['family', c.familyId], queryFn: () => api.family(c.familyId!), enabled: !!c.familyId });
  const siblings = (family.data?.children ?? []).filter((s) => s.childId !== c.child.childId).flatMap((s) =>
    s.cases.filter((k) => k.status === 'OPEN' && k.caseId !== c.caseId)
      .map((k) => [k.caseId, `${s.firstName} ${s.lastName} (${k.reference})`] as [string, string]));
  if (siblings.length === 0) return null;
  if (fixed) {
    const on = siblings.filter(([id]) => draft.alsoOn.includes(id)).map(([, words]) => words);
    return (
      <p className="govuk-body">
        {on.length ? `This note is also on the case of ${on.join(' and ')}.` : `This note is on ${c.child.firstName}’s case only.`}
      </p>
    );
  }
  return (
    <Checkboxes path="caseIds" label="Also record this note on"
                hint="One note on each brother’s or sister’s case too. Choose before you start writing."
                value={draft.alsoOn} options={siblings} errors={errors} onChange={onChange} />
  );
}
