import type { CaseView, Family, Note, Person } from '../../lib/types';

// Test data for the recording and case pages: Amara, her mother, and her brother Kofi with a case of his own.

export const caseView: CaseView = {
  caseId: 'c1', reference: 'CP-0001', stage: 'CP_PLAN', status: 'OPEN', familyId: 'f1',
  warnings: [{ warningId: 'w1', personId: 'p-mum', personName: 'Abena Mensah', type: 'RISK_TO_WORKER', details: 'Visit in pairs.',
    startsOn: '2026-03-01', reviewOn: '2027-06-01', agreedBy: 'team.manager', current: true }],
  child: { childId: 'p-amara', childNumber: 'CH-001', firstName: 'Amara', lastName: 'Mensah', dateOfBirth: '2016-07-09',
    expectedDateOfBirth: null, gender: 'F', ethnicity: null, address: null, upn: null, formerUpn: null, upnUnknown: 'UN2',
    nhsNumber: '9434765919', disabilities: ['NONE'] },
  allocatedWorker: 'social.worker', referralDate: '2026-03-02', reReferral: true,
  cpPlan: { startedOn: '2026-04-10', category: 'NEG', initialCategory: 'NEG', previousPlans: 1, secondOrSubsequent: true, endedOn: null },
  milestones: [
    { key: 'ICPC', dueOn: '2026-04-12', completedOn: '2026-04-10', status: 'MET' },
    ...Array.from({ length: 10 }, (_, i) => ({
      key: 'VISIT', dueOn: `2026-${String(5 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 ? '20' : '05'}`,
      completedOn: i < 7 ? '2026-05-01' : null, status: (i < 6 ? 'MET' : i < 7 ? 'MISSED' : i < 8 ? 'OVERDUE' : 'DUE') as 'MET' })),
    { key: 'RCPC', dueOn: '2026-07-10', completedOn: null, status: 'DUE' },
  ],
  openTasks: [{ taskId: 't-visit', taskKey: 'recordVisit', name: 'Visit', assignee: 'social.worker', candidateGroups: [],
    dueOn: '2026-12-10', overdue: true }],
  upcoming: [
    { what: 'Visit', dueOn: '2026-01-10', taskId: 't-visit' },
    { what: 'Visit comes due', dueOn: '2099-01-20', taskId: null },
  ],
};

export const mother = { personId: 'p-mum', kind: 'ADULT', firstName: 'Abena', lastName: 'Mensah' };

export const amara: Person = {
  personId: 'p-amara', kind: 'CHILD', childNumber: 'CH-001', firstName: 'Amara', lastName: 'Mensah', otherNames: [],
  dateOfBirth: '2016-07-09', expectedDateOfBirth: null, gender: 'F', ethnicity: null, nhsNumber: null, upn: null, upnUnknown: null,
  formerUpn: null, disabilities: null, firstLanguage: null, interpreterNeeded: null, address: null, phone: null, email: null, diedOn: null,
  relationships: [{ relationshipId: 'r1', otherPerson: mother, type: 'MOTHER', parentalResponsibility: true, livesWithChild: true,
    safetyNetwork: true, roleInPlan: 'Walks her to school', organisation: null, from: null, to: null, current: true }],
};

export const family: Family = {
  familyId: 'f1', nextDueOn: null, warnings: [],
  adults: [{ ...mother, relationships: [] }],
  children: [
    { childId: 'p-amara', personId: 'p-amara', childNumber: 'CH-001', firstName: 'Amara', lastName: 'Mensah', dateOfBirth: '2016-07-09',
      expectedDateOfBirth: null, cases: [{ caseId: 'c1', reference: 'CP-0001', stage: 'CP_PLAN', status: 'OPEN', allocatedWorker: null,
        closedOn: null, openTasks: [], nextDueOn: null }] },
    { childId: 'p-kofi', personId: 'p-kofi', childNumber: 'CH-002', firstName: 'Kofi', lastName: 'Mensah', dateOfBirth: '2018-01-01',
      expectedDateOfBirth: null, cases: [{ caseId: 'c2', reference: 'CP-0002', stage: 'CP_PLAN', status: 'OPEN', allocatedWorker: null,
        closedOn: null, openTasks: [], nextDueOn: null }] },
  ],
};

export const note = (over: Partial<Note> = {}): Note => ({
  noteId: 'n1', caseIds: ['c1'], reference: 'CP-0000001', childName: 'Amara Mensah', kind: 'HOME_VISIT', status: 'DRAFT',
  occurredAt: '2026-11-30T10:15:00Z', subject: 'Home visit',
  text: 'Seen at home.', people: [], childSeen: null, childSeenAlone: null, significant: false, threeHouses: null,
  wishesAndFeelings: null, author: 'social.worker', savedAt: '2026-11-30T10:20:00Z', finalisedAt: null, amendments: [], actions: [],
  ...over,
});
