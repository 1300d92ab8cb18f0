// Words practitioners use, for the codes of the API.
//
// The words live in one file, words.json, beside this one: the forms' options (features/forms/specs.ts,
// the contact form) are built from it, and the back end reads the same file from its classpath
// (app.casepath.process.Words, packaged by the pom) for the chronology, emails and messages. One file
// rather than two vocabularies kept in step by a test: a word changed there changes on the form, on
// the case page and in the record together, and the back end's tests fail on any code without words.
import vocabulary from './words.json';

/** A code and its words, in the order the form offers them. */
export type Options = [string, string][];
type Vocabulary = Omit<typeof vocabulary, 'choices'> & { choices: Record<string, Record<string, string[][]>> };
const words = vocabulary as Vocabulary;

const pairs = (list: string[][]): Options => list.map(([code, text]) => [code, text]);
const lookup = (list: string[][]): Record<string, string> => Object.fromEntries(list);

export const STAGES = lookup(words.stages);
export const TASKS = lookup(words.tasks);
export const MILESTONES = lookup(words.milestones);
export const GROUPS = lookup(words.groups);
export const CATEGORIES = lookup(words.categories);
export const ROUTES = lookup(words.routes);
export const SOURCES = lookup(words.sources);
export const DISABILITIES = lookup(words.disabilities);
export const UPN_UNKNOWN = lookup(words.upnUnknown);
export const RELATIONSHIP_TYPES = lookup(words.relationshipTypes);
export const WARNING_TYPES = lookup(words.warningTypes);
export const GENDERS = lookup(words.genders);
export const PERSON_KINDS = lookup(words.personKinds);
export const NOTE_KINDS = lookup(words.noteKinds);
export const NOTE_KIND_OPTIONS = pairs(words.noteKinds);
/** A team's service (Team.service) in words. */
export const TEAM_SERVICES = lookup(words.teamServices);
/** The visit kinds: a FINAL one needs childSeen and childSeenAlone, and, the child seen, records the statutory visit. */
export const VISIT_KINDS = ['HOME_VISIT', 'OFFICE_VISIT', 'SCHOOL_VISIT'];
const CHRONOLOGY_OWN = lookup(words.chronologyKinds);
/** The kinds of the chronology's entries: its own, then every task's and every note kind's, in words. */
export const CHRONOLOGY_KIND_OPTIONS: Options = [
  ...pairs(words.chronologyKinds), ...pairs(words.noteKinds), ...pairs(words.tasks)];

/** A chronology entry's kind (a task key, a note kind, CONTACT, STAGE, …) in words, never the code. */
export function chronologyKind(code: string): string {
  return CHRONOLOGY_OWN[code] ?? NOTE_KINDS[code] ?? TASKS[code] ?? 'Other entry';
}

export const SOURCE_OPTIONS = pairs(words.sources);
export const CATEGORY_OPTIONS = pairs(words.categories);
export const ROUTE_OPTIONS = pairs(words.routes);
export const PRIMARY_NEED_OPTIONS = pairs(words.primaryNeeds);
export const LEGAL_STATUS_OPTIONS = pairs(words.legalStatuses);
export const CLOSURE_REASON_OPTIONS = pairs(words.closureReasons);
export const DISABILITY_OPTIONS = pairs(words.disabilities);
export const UPN_UNKNOWN_OPTIONS = pairs(words.upnUnknown);
/** The types a worker gives ("the other person is the child's …"); the inverses (CHILD, GRANDCHILD, …) are only read. */
export const RELATIONSHIP_TYPE_OPTIONS = pairs(words.relationshipTypes).filter(([code]) =>
  !['CHILD', 'GRANDCHILD', 'NIECE_NEPHEW', 'KNOWN_CHILD'].includes(code));
export const WARNING_TYPE_OPTIONS = pairs(words.warningTypes);
export const GENDER_OPTIONS = pairs(words.genders);

/** The options of a task's choice (a routing decision, say), as the back end words them too. */
export function choices(taskKey: string, field: string): Options {
  const list = words.choices[taskKey]?.[field];
  if (!list) throw new Error(`no words for ${taskKey}.${field}`);
  return pairs(list);
}

/** The words of one option of a task's choice, or `otherwise` for a value it does not offer. */
export function choiceWord(taskKey: string, field: string, code: string, otherwise = 'Not recorded'): string {
  return lookup(words.choices[taskKey]?.[field] ?? [])[code] ?? otherwise;
}

const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const withTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});

/** 2026-03-02 → 2 March 2026 (GOV.UK style). */
export function date(iso: string | null | undefined): string {
  return iso ? long.format(new Date(iso.length === 10 ? iso + 'T12:00:00Z' : iso)) : '';
}

export function dateTime(iso: string): string {
  return withTime.format(new Date(iso));
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** 10:42, in the UK's time. */
export function time(iso: string | Date): string {
  return clock.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** What an uploaded document is (its category), in words. */
export const DOCUMENT_CATEGORIES = lookup(words.documentCategories);
export const DOCUMENT_CATEGORY_OPTIONS = pairs(words.documentCategories);
/** What a document Casepath wrote is (its kind), in words. */
export const DOCUMENT_KINDS = lookup(words.documentKinds);

/** 2048 → 2 KB; 3_500_000 → 3.3 MB (binary units, as a file's size is shown). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
const MEDIA_TYPES = lookup(words.mediaTypes);
/** A file's type in words (application/pdf → PDF), for a download link. */
export function fileType(mediaType: string): string {
  return MEDIA_TYPES[mediaType.split(';')[0].trim().toLowerCase()] ?? 'File';
}
