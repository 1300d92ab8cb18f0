import type { Team, CaseSummary, CaseView, Change, ChildDetails, ChronologyEntry, Dashboard, Diagram, Family, FieldError, InboxItem, Match, Me, Page,
  Person, PersonHit, Recorded, RecordedFamily, Relationship, CaseMap, SignedOut, SignInOptions, TaskDetail, Warning } from './types';

/** Where the browser goes to sign in with the council's account (Spring Security's OpenID Connect sign-in, under /api). */
export const COUNCIL_SIGN_IN = '/api/oauth2/authorization/council';

/** A refusal from the API (RFC 9457 problem), with the fields it names. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string, readonly errors: FieldError[]) {
    super(detail || title);
  }
}

function csrfToken(): string | undefined {
  return document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1];
}

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  if (method !== 'GET' && !csrfToken()) {
    await fetch('/api/csrf', { credentials: 'same-origin' });
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token) headers['X-XSRF-TOKEN'] = decodeURIComponent(token);
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', signal, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '', problem.errors ?? []);
  }
  // 204, or a 200 with no body (an acknowledgement): nothing to read.
  return response.status === 204 || response.headers.get('Content-Length') === '0' ? (undefined as T) : response.json();
}

/** How far an upload has gone: bytes sent of the total. */
export interface Progress { loaded: number; total: number }

/**
 * A multipart POST by XMLHttpRequest, which (unlike fetch) reports the upload's progress; the same
 * CSRF header and the same ApiError from a refusal as every other call.
 */
async function upload<T>(path: string, form: FormData, onProgress?: (p: Progress) => void): Promise<T> {
  if (!csrfToken()) await fetch('/api/csrf', { credentials: 'same-origin' });
  const token = csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', decodeURIComponent(token));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
      } else {
        reject(new ApiError(xhr.status, (body.title as string) ?? xhr.statusText, (body.detail as string) ?? '',
          (body.errors as FieldError[]) ?? []));
      }
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new TypeError('aborted'));
    xhr.send(form);
  });
}

const query = (params: Record<string, string | number | undefined>) => {
  const defined = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return defined.length ? '?' + new URLSearchParams(defined.map(([k, v]) => [k, String(v)])).toString() : '';
};

import type { Amendment, ChildSays, Note, NoteBody } from './types';
import type { CaseDocument, DocumentUpload } from './types';
import type { Allocated, Reallocated, Reallocation, TeamCaseload, UnallocatedCase, WorkerCaseload } from './types';

export const api = {
  me: () => call<Me>('GET', '/api/me'),
  teams: () => call<Team[]>('GET', '/api/teams'),
  /** A team's caseload, worker by worker, for its managers and service managers. */
  caseload: (teamId: string) => call<TeamCaseload>('GET', `/api/teams/${teamId}/caseload`),
  /** Open cases no worker holds, oldest first: for team and service managers. */
  unallocatedCases: (page = 0, size = 50) =>
    call<{ items: UnallocatedCase[]; total: number }>('GET', `/api/unallocated-cases?page=${page}&size=${size}`),
  workerCaseload: (teamId: string, username: string) =>
    call<WorkerCaseload>('GET', `/api/teams/${teamId}/caseload/${encodeURIComponent(username)}`),
  /** Moves some of a worker's cases (a leaver's, say) to one colleague. */
  reallocate: (username: string, body: Reallocation) =>
    call<Reallocated>('POST', `/api/workers/${encodeURIComponent(username)}/reallocation`, body),
  allocate: (caseId: string, body: { team?: string; worker?: string; reason: string }) =>
    call<Allocated>('POST', `/api/cases/${caseId}/allocation`, body),
  users: (group: string) => call<{ username: string; displayName: string }[]>('GET', '/api/users' + query({ group })),
  login: (username: string, password: string) => call<Me>('POST', '/api/login', { username, password }),
  logout: () => call<SignedOut>('POST', '/api/logout'),
  signInOptions: () => call<SignInOptions>('GET', '/api/sign-in-options'),

  tasks: (p: { view: 'mine' | 'groups'; page?: number; size?: number; stage?: string; taskKey?: string }) =>
    call<Page<InboxItem>>('GET', '/api/tasks' + query({ ...p, sort: 'dueOn' })),
  task: (taskId: string) => call<TaskDetail>('GET', `/api/tasks/${taskId}`),
  claim: (taskId: string) => call<void>('POST', `/api/tasks/${taskId}/claim`),
  unclaim: (taskId: string) => call<void>('POST', `/api/tasks/${taskId}/unclaim`),
  complete: (taskId: string, form: Record<string, unknown>) => call<void>('POST', `/api/tasks/${taskId}/complete`, form),

  cases: (p: { q?: string; stage?: string; page?: number; size?: number }) =>
    call<Page<CaseSummary>>('GET', '/api/cases' + query(p)),
  case: (caseId: string) => call<CaseView>('GET', `/api/cases/${caseId}`),
  chronology: (caseId: string, p: { kind?: string; significant?: boolean } = {}) =>
    call<ChronologyEntry[]>('GET', `/api/cases/${caseId}/chronology` + query({ kind: p.kind, significant: p.significant ? 'true' : undefined })),
  /** The current Signs of Safety map (the latest of each part) and every version of it, oldest first. */
  map: (caseId: string) => call<CaseMap>('GET', `/api/cases/${caseId}/map`),
  diagram: (caseId: string) => call<Diagram>('GET', `/api/cases/${caseId}/diagram`),
  correctChild: (caseId: string, items: Record<string, unknown>) =>
    call<ChildDetails>('PATCH', `/api/cases/${caseId}/child`, items),
  recordContact: (contact: Record<string, unknown>) => call<Recorded>('POST', '/api/contacts', contact),
  /** One child gives {caseId, …}; several (children[]) give {familyId, cases[]}. */
  recordContactFamily: (contact: Record<string, unknown>) => call<Recorded | RecordedFamily>('POST', '/api/contacts', contact),

  people: (p: { q?: string; dateOfBirth?: string; nhsNumber?: string }) => call<PersonHit[]>('GET', '/api/people' + query(p)),
  matches: (p: { firstName: string; lastName: string; dateOfBirth?: string }, signal?: AbortSignal) =>
    call<Match[]>('GET', '/api/people/matches' + query(p), undefined, signal),
  person: (personId: string) => call<Person>('GET', `/api/people/${personId}`),
  addPerson: (person: Record<string, unknown>) => call<Person>('POST', '/api/people', person),
  correctPerson: (personId: string, items: Record<string, unknown>) => call<Person>('PATCH', `/api/people/${personId}`, items),
  personHistory: (personId: string) => call<Change[]>('GET', `/api/people/${personId}/history`),
  addRelationship: (personId: string, relationship: Record<string, unknown>) =>
    call<Relationship>('POST', `/api/people/${personId}/relationships`, relationship),
  changeRelationship: (relationshipId: string, items: Record<string, unknown>) =>
    call<Relationship>('PATCH', `/api/relationships/${relationshipId}`, items),
  raiseWarning: (personId: string, warning: Record<string, unknown>) =>
    call<Warning>('POST', `/api/people/${personId}/warnings`, warning),
  restrict: (personId: string, restriction: { reason?: string; allowedUsers?: string[] }) =>
    call<unknown>('PUT', `/api/people/${personId}/restriction`, restriction),
  liftRestriction: (personId: string, reason: string) => call<void>('DELETE', `/api/people/${personId}/restriction`, { reason }),
  family: (familyId: string) => call<Family>('GET', `/api/families/${familyId}`),
  completeTogether: (completions: { taskId: string; form: Record<string, unknown> }[]) =>
    call<void>('POST', '/api/tasks/complete-together', { completions }),

  notes: (caseId: string, p: { kind?: string; significant?: boolean; page?: number; size?: number } = {}) =>
    call<Page<Note>>('GET', `/api/cases/${caseId}/notes` + query({ ...p, significant: p.significant ? 'true' : undefined })),
  note: (noteId: string) => call<Note>('GET', `/api/notes/${noteId}`),
  addNote: (caseId: string, body: NoteBody) => call<Note>('POST', `/api/cases/${caseId}/notes`, body),
  /** One note on several siblings' cases. */
  addNoteOnCases: (caseIds: string[], body: NoteBody) => call<Note>('POST', '/api/notes', { ...body, caseIds }),
  saveNote: (noteId: string, body: NoteBody) => call<Note>('PUT', `/api/notes/${noteId}`, body),
  discardNote: (noteId: string) => call<void>('DELETE', `/api/notes/${noteId}`),
  finaliseNote: (noteId: string) => call<Note>('POST', `/api/notes/${noteId}/finalise`),
  amendNote: (noteId: string, amendment: { text: string; reason: string }) =>
    call<Amendment>('POST', `/api/notes/${noteId}/amendments`, amendment),
  drafts: () => call<Note[]>('GET', '/api/notes/drafts'),
  childSays: (caseId: string) => call<ChildSays>('GET', `/api/cases/${caseId}/child-says`),

  /** A case's documents: its uploads and what Casepath wrote, together. */
  documents: (caseId: string) => call<CaseDocument[]>('GET', `/api/cases/${caseId}/documents`),
  /** Uploads a document (multipart), telling onProgress how far it has gone. */
  uploadDocument: (caseId: string, d: DocumentUpload, onProgress?: (p: Progress) => void) => {
    const form = new FormData();
    form.append('file', d.file);
    form.append('title', d.title);
    form.append('category', d.category);
    form.append('documentDate', d.documentDate);
    return upload<CaseDocument>(`/api/cases/${caseId}/documents`, form, onProgress);
  },
  /** Writes the case's chronology (or its significant events) as a PDF on the case. */
  printChronology: (caseId: string, significantOnly: boolean) =>
    call<CaseDocument>('POST', `/api/cases/${caseId}/documents/chronology`, { significantOnly }),
  /** A service manager withdraws a document: kept and audited, no longer listed. */
  withdrawDocument: (documentId: string, reason: string) =>
    call<unknown>('POST', `/api/documents/${documentId}/withdrawal`, { reason }),

  dashboard: (from?: string, to?: string) => call<Dashboard>('GET', '/api/dashboard/timeliness' + query({ from, to })),
};

/** Where a document's content is: the browser downloads it from /api, as a link. */
export const documentUrl = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/content`;
