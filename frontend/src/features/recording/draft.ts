import type { Note, NoteBody, NoteKind } from '../../lib/types';
import { VISIT_KINDS } from '../../lib/words';
import type { DateParts } from './inputs';

/** The note form as the worker left it (what autosave sends and what this device keeps): the date as typed, not yet parsed. */
export interface Draft {
  kind: NoteKind | '';
  when: DateParts; time: string;
  subject: string; text: string; people: string[];
  childSeen: boolean | null; childSeenAlone: boolean | null; significant: boolean;
  worries: string[]; goodThings: string[]; dreams: string[]; wishesAndFeelings: string;
  actions: { text: string; assignee: string; dueOn: DateParts }[];
  /** The siblings' cases the note is also recorded on. */
  alsoOn: string[];
}

export const TEXT_LIMIT = 50_000;

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** A moment as its day, month, year and time in the UK. */
export function londonParts(at: Date): { when: DateParts; time: string } {
  const p = Object.fromEntries(LONDON.formatToParts(at).map((x) => [x.type, x.value]));
  return { when: { day: p.day, month: p.month, year: p.year }, time: `${p.hour}:${p.minute}` };
}

/** The UK's day and time as an instant (ISO-8601, UTC), or undefined while the date is incomplete or not a date. */
export function toInstant(when: DateParts, time: string): string | undefined {
  const [d, m, y] = [Number(when.day), Number(when.month), Number(when.year)];
  const [hh, mm] = (time || '').split(':').map(Number);
  if (!d || !m || !y || when.year.length !== 4 || Number.isNaN(hh) || Number.isNaN(mm) || time === '') return undefined;
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const check = new Date(guess);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return undefined;
  // The UK's offset at that moment (0 or an hour), from what the clock there reads.
  const there = londonParts(check);
  const read = Date.UTC(Number(there.when.year), Number(there.when.month) - 1, Number(there.when.day),
    ...(there.time.split(':').map(Number) as [number, number]));
  return new Date(guess - (read - guess)).toISOString();
}

const isoDate = (p: DateParts) => (p.day || p.month || p.year
  ? `${p.year.padStart(4, '0')}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}` : undefined);
const parts = (iso: string | null | undefined): DateParts => {
  const [year, month, day] = (iso ?? '').split('-');
  return { day: day ?? '', month: month ?? '', year: year ?? '' };
};

export function emptyDraft(kind: string | null, now = new Date()): Draft {
  const { when, time } = londonParts(now);
  return {
    kind: (kind ?? '') as Draft['kind'], when, time, subject: '', text: '', people: [], childSeen: null, childSeenAlone: null,
    significant: false, worries: [], goodThings: [], dreams: [], wishesAndFeelings: '', actions: [], alsoOn: [],
  };
}

export function fromNote(note: Note, caseId: string): Draft {
  const { when, time } = note.occurredAt ? londonParts(new Date(note.occurredAt)) : { when: parts(null), time: '' };
  return {
    kind: note.kind ?? '', when, time, subject: note.subject ?? '', text: note.text ?? '',
    people: (note.people ?? []).map((p) => p.personId), childSeen: note.childSeen, childSeenAlone: note.childSeenAlone,
    significant: note.significant, worries: note.threeHouses?.worries ?? [], goodThings: note.threeHouses?.goodThings ?? [],
    dreams: note.threeHouses?.dreams ?? [], wishesAndFeelings: note.wishesAndFeelings ?? '',
    actions: (note.actions ?? []).map((a) => ({ text: a.text, assignee: a.assignee, dueOn: parts(a.dueOn) })),
    alsoOn: (note.caseIds ?? []).filter((c) => c !== caseId),
  };
}

export const isVisit = (kind: string) => VISIT_KINDS.includes(kind);

/** The whole body the API takes, only the parts the kind has. */
export function toBody(d: Draft, caseId: string): NoteBody {
  const body: NoteBody = { people: d.people, significant: d.significant, status: 'DRAFT' };
  if (d.kind) body.kind = d.kind;
  const at = toInstant(d.when, d.time);
  if (at) body.occurredAt = at;
  if (d.subject) body.subject = d.subject;
  if (d.text) body.text = d.text;
  if (isVisit(d.kind)) {
    if (d.childSeen !== null) body.childSeen = d.childSeen;
    if (d.childSeen && d.childSeenAlone !== null) body.childSeenAlone = d.childSeenAlone;
  }
  if (d.kind === 'DIRECT_WORK') {
    body.threeHouses = { worries: d.worries.filter(Boolean), goodThings: d.goodThings.filter(Boolean), dreams: d.dreams.filter(Boolean) };
    if (d.wishesAndFeelings) body.wishesAndFeelings = d.wishesAndFeelings;
  }
  if (d.kind === 'MANAGEMENT_OVERSIGHT') {
    body.actions = d.actions.map((a) => ({ text: a.text || undefined, assignee: a.assignee || undefined, dueOn: isoDate(a.dueOn) }));
  }
  if (d.alsoOn.length) body.caseIds = [caseId, ...d.alsoOn];
  return body;
}

/** What the tasklist can say before asking the API: a date in the future, a text too long. */
export function check(d: Draft, now = new Date()): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const at = toInstant(d.when, d.time);
  if (!at) errors.push({ field: 'occurredAt', message: 'must be a real date and time' });
  else if (new Date(at).getTime() > now.getTime() + 60_000) errors.push({ field: 'occurredAt', message: 'must not be in the future' });
  if (d.text.length > TEXT_LIMIT) errors.push({ field: 'text', message: `must be ${TEXT_LIMIT.toLocaleString('en-GB')} characters or fewer` });
  return errors;
}
