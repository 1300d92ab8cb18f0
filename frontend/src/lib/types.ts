// The HTTP contract of api.md, typed in one place.

export interface Me { username: string; displayName: string; groups: string[] }

/** What the sign-in page offers: the council's account where a provider is configured, and whose passwords count. */
export interface SignInOptions { councilAccount: boolean; passwordsForBreakGlassOnly: boolean }

/** After sign-out, where the browser goes: the provider's sign-out for a council account, else the sign-in page. */
export interface SignedOut { continueTo: string }

/** A team (teams.md): which children; its service in words through lib/words. */
export interface Team { teamId: string; name: string; service: string; managers: string[]; members: string[] }

export interface FieldError { field: string; message: string }

export interface InboxItem {
  /** caseId, reference and stage are null for a task on no case (reviewing a warning on a person). */
  taskId: string; taskKey: string; name: string; caseId: string | null; reference: string | null; childName: string;
  stage: string | null; assignee: string | null; candidateGroups: string[]; dueOn: string; overdue: boolean; createdAt: string;
  /** The types of the warnings on the child or their family. */
  warnings?: string[];
}

export interface Page<T> { items: T[]; total: number }

export interface TaskDetail {
  task: InboxItem;
  values: Record<string, unknown>;
  context: Record<string, unknown>;
}

export interface Milestone { key: string; dueOn: string; completedOn: string | null; status: 'DUE' | 'OVERDUE' | 'MET' | 'MISSED' }

export interface ChildDetails {
  childId: string; childNumber: string; firstName: string; lastName: string; dateOfBirth: string | null;
  expectedDateOfBirth: string | null; gender: string | null; ethnicity: string | null; address: string | null;
  upn: string | null; formerUpn: string | null; upnUnknown: string | null; nhsNumber: string | null;
  disabilities: string[] | null;
}

export interface CaseView {
  caseId: string; reference: string; stage: string; status: 'OPEN' | 'CLOSED' | 'LOOKED_AFTER';
  familyId?: string | null; warnings?: Warning[];
  child: ChildDetails;
  allocatedWorker: string | null; referralDate: string | null; reReferral: boolean;
  cpPlan: { startedOn: string; category: string; initialCategory: string; previousPlans: number;
            secondOrSubsequent: boolean; endedOn: string | null } | null;
  milestones: Milestone[];
  openTasks: { taskId: string; taskKey: string; name: string; assignee: string | null; candidateGroups: string[];
               dueOn: string; overdue: boolean }[];
  /** Open tasks (taskId set) and the processes' scheduled work (taskId null), soonest first, in words. */
  upcoming: { what: string; dueOn: string; taskId: string | null }[];
}

export interface CaseSummary {
  caseId: string; reference: string; childName: string; dateOfBirth: string | null; expectedDateOfBirth: string | null;
  stage: string; status: string; allocatedWorker: string | null; referralDate: string | null;
}

/** `kind` is a code (a task key, a note kind, CONTACT, STAGE, …): shown in words (lib/words CHRONOLOGY_KINDS). */
export interface ChronologyEntry {
  occurredAt: string; kind: string; summary: string; actor: string | null; significant?: boolean; noteId?: string | null;
}

export interface Recorded { caseId: string; reference: string; reReferral: boolean; familyId?: string | null }

export interface DangerStatement { statement: string; safetyGoal: string }

/** One form's version of the map: a part the form did not record is null (the current map keeps an earlier one). */
export interface MapVersion {
  recordedOn: string; sourceTask: string; worries: string[] | null; workingWell: string[] | null;
  needsToHappen: string[] | null; dangerStatements: DangerStatement[] | null; safetyScale: number | null;
  scaledBy: string | null;
}

/** `current` is the latest of each part (null before any map); `history` is oldest first. */
export interface CaseMap {
  current: { worries: string[]; workingWell: string[]; needsToHappen: string[]; dangerStatements: DangerStatement[];
             safetyScale: number | null; recordedOn: string } | null;
  history: MapVersion[];
}

/** `activeActivityIds` mark the diagram; `processName` and `activeSteps` are the model's names, for people. */
export interface Diagram {
  processKey: string; processName: string; xml: string; activeActivityIds: string[];
  activeSteps: { id: string; name: string }[];
}

export interface DashboardFigure {
  key: string; label: string; unit: 'COUNT' | 'PERCENT' | 'PER_10000' | 'AVERAGE'; value: number | null;
  numerator: number | null; denominator: number | null; comparators: Record<string, number>;
  /** caseId and reference are null for a restricted record closed to the reader: childName is then "Restricted record". */
  children: { caseId: string | null; reference: string | null; childName: string; on: string | null; detail: string | null }[];
}

export interface Dashboard {
  from: string; to: string; childPopulation: number; figures: DashboardFigure[];
  trend: { month: string; contacts: number; referrals: number; contactDecisionsInTime: number | null;
           assessmentsInTime: number | null; initialConferencesInTime: number | null; reviewConferencesInTime: number | null }[];
  overdue: { team: string; worker: string | null; caseId: string | null; reference: string | null; childName: string; milestone: string; dueOn: string }[];
  /** Open cases no worker holds now, whatever the period. */
  unallocatedCases: number;
}

/** An open case past the Front Door that no worker holds (teams.md), and how long it has waited. */
export interface UnallocatedCase {
  caseId: string; reference: string; childName: string; stage: string; teamId: string | null; teamName: string | null;
  waitingSince: string; workingDaysWaiting: number;
}

// ---- people, relationships, families and warnings (casework.md)

export interface Address { lines: string[]; postcode: string | null; confidential: boolean }

export interface PersonCase { caseId: string; reference: string; stage: string; status: string; closedOn: string | null }

export interface Relationship {
  relationshipId: string;
  otherPerson: { personId: string; kind: string; firstName: string; lastName: string };
  type: string; parentalResponsibility: boolean; livesWithChild: boolean; safetyNetwork: boolean;
  roleInPlan: string | null; organisation: string | null; describedAs?: string | null;
  from: string | null; to: string | null; current: boolean;
}

export interface Warning {
  /** As the families branch shows them until the warnings branch is merged: kind and text. */
  kind?: string; text?: string;
  warningId: string; personId?: string; personName?: string; type: string; details: string | null;
  startsOn: string | null; reviewOn: string | null; agreedBy: string | null; raisedBy?: string | null;
  endedOn?: string | null; current?: boolean;
}

export interface Person {
  personId: string; kind: 'CHILD' | 'ADULT'; childNumber: string | null; firstName: string; lastName: string;
  otherNames: string[]; dateOfBirth: string | null; expectedDateOfBirth: string | null; gender: string | null;
  ethnicity: string | null; nhsNumber: string | null; upn: string | null; upnUnknown: string | null;
  formerUpn: string | null; disabilities: string[] | null; firstLanguage: string | null; interpreterNeeded: boolean | null;
  address: Address | null; phone: string | null; email: string | null; diedOn: string | null;
  cases?: PersonCase[]; relationships?: Relationship[]; warnings?: Warning[];
  restricted?: boolean;
}

export interface PersonHit {
  person: Person; openCase: { caseId: string; reference: string; stage: string } | null; restricted: boolean;
}

export interface Match {
  personId: string; childNumber: string | null; firstName: string; lastName: string; dateOfBirth: string | null;
  expectedDateOfBirth: string | null; sameDateOfBirth: boolean;
}

export interface Change { changedAt: string; changedBy: string; field: string; oldValue: unknown; newValue: unknown }

export interface FamilyTask {
  taskId: string; taskKey: string; name: string; assignee: string | null; candidateGroups: string[]; dueOn: string; overdue: boolean;
}

/** One of a child's cases in the family view: stage, worker, status, open tasks and what is next due. */
export interface FamilyCase {
  caseId: string; reference: string; stage: string; status: string; allocatedWorker: string | null; closedOn: string | null;
  openTasks: FamilyTask[]; nextDueOn: string | null;
}

export interface FamilyChild {
  childId: string; personId: string; childNumber: string | null; firstName: string; lastName: string;
  dateOfBirth: string | null; expectedDateOfBirth: string | null; cases: FamilyCase[];
}

/** One relationship of an adult to one of the family's children: the type reads "the adult is the child's …". */
export interface FamilyRelatedTo {
  relationshipId: string; childId: string; childName: string; type: string; parentalResponsibility: boolean;
  livesWithChild: boolean; safetyNetwork: boolean; roleInPlan: string | null; organisation: string | null;
  from: string | null; to: string | null; current: boolean;
}

/** Someone around the children (an adult, or a child not of this family) and how they are related to each child. */
export interface FamilyAdult {
  personId: string; kind: string; firstName: string; lastName: string; relationships: FamilyRelatedTo[];
}

export interface Family { familyId: string; children: FamilyChild[]; adults: FamilyAdult[]; warnings: Warning[]; nextDueOn: string | null }

export interface RecordedFamily { familyId: string; cases: Recorded[] }

/** The current map: the latest of each part. */
export type CurrentMap = NonNullable<CaseMap['current']>;

// ---- case notes and the child's voice (contract-15.md)

export const NOTE_KIND_CODES = ['HOME_VISIT', 'OFFICE_VISIT', 'SCHOOL_VISIT', 'PHONE_CALL', 'EMAIL', 'LETTER', 'MEETING',
  'DIRECT_WORK', 'MULTI_AGENCY', 'MANAGEMENT_OVERSIGHT', 'OTHER'] as const;
export type NoteKind = typeof NOTE_KIND_CODES[number];

export interface ThreeHouses { worries: string[]; goodThings: string[]; dreams: string[] }

export interface NoteAction {
  actionId: string; text: string; assignee: string; dueOn: string; completedOn: string | null; outcome: string | null;
  taskId: string | null; setBy?: string | null; completedBy?: string | null;
}

export interface Amendment { text: string; reason: string; amendedBy: string; amendedAt: string }

export interface Note {
  noteId: string; caseIds: string[];
  /** The first case's reference and child, so a list of drafts says whose each is. */
  reference: string; childName: string;
  kind: NoteKind; status: 'DRAFT' | 'FINAL'; occurredAt: string | null;
  subject: string | null; text: string | null; people: { personId: string; name: string }[];
  childSeen: boolean | null; childSeenAlone: boolean | null; significant: boolean;
  threeHouses: ThreeHouses | null; wishesAndFeelings: string | null;
  author: string; savedAt: string; finalisedAt: string | null;
  amendments: Amendment[]; actions: NoteAction[];
  /** True when finalising the note completed the case's open statutory visit task. */
  visitTaskCompleted?: boolean;
}

/** The body of POST and PUT: the whole note, every time. */
export interface NoteBody {
  kind?: NoteKind; occurredAt?: string; subject?: string; text?: string; people: string[];
  childSeen?: boolean; childSeenAlone?: boolean; significant: boolean; status: 'DRAFT' | 'FINAL';
  threeHouses?: ThreeHouses; wishesAndFeelings?: string;
  actions?: { text?: string; assignee?: string; dueOn?: string }[];
  /** For one note on several siblings' cases (POST /api/notes). */
  caseIds?: string[];
}

export interface ChildSays {
  threeHouses: (ThreeHouses & { recordedOn: string; noteId: string }) | null;
  wishesAndFeelings: { text: string; recordedOn: string; noteId: string } | null;
}

/** A team's or a worker's open cases, by the kind of work. */
export interface CaseCounts { cpPlan: number; cinPlan: number; assessment: number; earlyHelp: number; other: number; total: number }
export interface WorkerLoad {
  username: string; name: string; cases: CaseCounts;
  openTasks: number; overdueTasks: number; notSeenInTime: number; supervisionOverdue: number;
}
export interface TeamCaseload {
  teamId: string; name: string; workers: WorkerLoad[];
  totals: { cases: CaseCounts; openTasks: number; overdueTasks: number; notSeenInTime: number; supervisionOverdue: number };
}
export type CaseloadKind = 'CP_PLAN' | 'CIN_PLAN' | 'ASSESSMENT' | 'EARLY_HELP' | 'OTHER';
export interface WorkerCase {
  caseId: string; reference: string; childName: string; stage: string; kind: CaseloadKind;
  openTasks: number; overdueTasks: number; lastVisitOn: string | null; lastSupervisionOn: string | null;
  notSeenInTime: boolean; supervisionOverdue: boolean;
}
export interface WorkerCaseload { teamId: string; username: string; name: string; cases: WorkerCase[] }
/** toWorker or toTeam: to a team without a worker leaves the cases unallocated in that team, for its managers. */
export interface Reallocation { toWorker?: string; toTeam?: string; reason: string; caseIds: string[] }
export interface Reallocated { moved: string[]; notMoved: { caseId: string; reason: string }[] }
export interface Allocated { caseId: string; team: string; worker: string; tasksMoved: number }

/** What an upload is (documents.md). */
export type DocumentCategory = 'POLICE' | 'HEALTH' | 'SCHOOL' | 'COURT' | 'CORRESPONDENCE' | 'PHOTO' | 'OTHER';
/** What Casepath wrote. */
export type DocumentKind = 'FAMILY_ASSESSMENT' | 'CONFERENCE_OUTCOME' | 'CP_PLAN' | 'CHRONOLOGY';

/** A document on a case: an upload (category) or one Casepath wrote (generated, kind). Named so as not to hide the DOM's Document. */
export interface CaseDocument {
  documentId: string; caseId: string; title: string;
  category: DocumentCategory | null; generated: boolean; kind: DocumentKind | null;
  fileName: string; mediaType: string; size: number; sha256: string;
  documentDate: string; scanStatus: 'CLEAN' | 'NOT_SCANNED';
  addedBy: string; addedAt: string;
  withdrawnAt: string | null; withdrawnBy: string | null; withdrawalReason: string | null;
}

/** An upload's parts, as the form holds them. */
export interface DocumentUpload { file: File; title: string; category: string; documentDate: string }
