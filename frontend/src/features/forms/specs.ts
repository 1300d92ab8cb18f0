import type { Field } from './fields';
import { CATEGORY_OPTIONS, choices, CLOSURE_REASON_OPTIONS, LEGAL_STATUS_OPTIONS, PRIMARY_NEED_OPTIONS, ROUTE_OPTIONS } from '../../lib/words';

// One form per task key of api.md. Field names are the API's; labels are practitioners' words. The words of
// the options come from lib/words.json, which the back end also uses for the chronology.

const when = (name: string, label: string, hint?: string): Field => ({ kind: 'date', name, label, hint });
const text = (name: string, label: string, hint?: string): Field => ({ kind: 'text', name, label, hint, long: true });
const short = (name: string, label: string, hint?: string): Field => ({ kind: 'text', name, label, hint });
const choice = (name: string, label: string, options: [string, string][], hint?: string): Field =>
  ({ kind: 'choice', name, label, options, hint });
const yesno = (name: string, label: string, hint?: string): Field => ({ kind: 'yesno', name, label, hint });
const columns: Field = { kind: 'columns' };
const dangers: Field = { kind: 'dangers', name: 'dangerStatements', label: 'Danger statements and safety goals' };


const entryToCare: Field[] = [
  choice('route', 'Route into care', ROUTE_OPTIONS),
  text('reason', 'Why the child should become looked after'),
  text('dangerStatement', 'Danger statement'),
  yesno('genogramComplete', 'Is the genogram complete?'),
  { kind: 'objects', name: 'safetyNetwork', label: 'The safety network', item: 'person', fields: [
    short('name', 'Name'), short('relationship', 'Relationship to the child'), text('role', 'Their role in the safety plan')] },
  { kind: 'group', name: 'familyMeeting', label: 'Family group decision-making meeting', fields: [
    when('offeredOn', 'Date it was offered', 'Leave blank if it was not offered.'),
    { kind: 'list', name: 'offeredTo', label: 'Who it was offered to', item: 'person' },
    text('declinedReason', 'If everyone declined, their reasons'),
    when('heldOn', 'Date it was held', 'Leave blank if it was not held.'),
    text('notOfferedReason', 'If not offered: why a meeting is not in the child’s best interests')] },
  { kind: 'group', name: 'safetyPlanTried', label: 'Safety plan with the network', fields: [
    yesno('tried', 'Was a safety plan tried?'), text('outcome', 'What happened'),
    text('reasonNotTried', 'If not tried, why not')] },
  yesno('familyNetworkSupportPackageConsidered', 'Was a family network support package considered?'),
  when('emergencyEnteredOn', 'Date of the emergency entry', 'Only for an emergency entry.'),
];

export const FORMS: Record<string, Field[]> = {
  screenContact: [
    choice('decision', 'Decision', choices('screenContact', 'decision')),
    when('decidedOn', 'Date of the decision'), columns, text('rationale', 'Rationale')],
  completeEarlyHelpAssessment: [
    when('completedOn', 'Date completed'), columns,
    { kind: 'list', name: 'familyGoals', label: 'The family’s goals', item: 'goal', hint: 'At least one for a family plan.' },
    choice('outcome', 'Outcome', choices('completeEarlyHelpAssessment', 'outcome')),
    text('rationale', 'Rationale')],
  reviewFamilyPlan: [
    when('heldOn', 'Date of the review'),
    choice('outcome', 'Outcome', choices('reviewFamilyPlan', 'outcome')),
    text('notes', 'Notes')],
  allocateCase: [
    { kind: 'team', name: 'team', label: 'Team', hint: 'Leave blank for the worker’s assessment team.' },
    { kind: 'person', name: 'socialWorker', label: 'Social worker', group: 'social-workers', hint: 'A member of the team.' },
    when('allocatedOn', 'Date allocated')],
  completeAssessment: [
    when('childSeenOn', 'Date the child was seen', 'Leave blank if not yet seen.'), yesno('childSeenAlone', 'Was the child seen alone?'),
    columns, dangers, { kind: 'scale', name: 'safetyScale', label: 'Safety scale' },
    { kind: 'list', name: 'assessmentFactors', label: 'Assessment factors', item: 'factor', hint: 'CIN census codes, for example 3A or 21.' },
    choice('recommendation', 'Recommendation', choices('completeAssessment', 'recommendation')),
    { kind: 'group', name: 'sharedWithFamily', label: 'Sharing the assessment with the family', fields: [
      choice('method', 'How it was shared', choices('completeAssessment', 'sharedWithFamily.method')),
      short('email', 'Email address', 'If shared by email.'), text('reasonNotShared', 'If not shared, why not')] }],
  authoriseAssessment: [
    choice('decision', 'Decision', choices('authoriseAssessment', 'decision')),
    when('authorisedOn', 'Date authorised'), text('comments', 'Comments', 'Required when returning the assessment.'),
    { kind: 'select', name: 'primaryNeed', label: 'Primary need (CIN census)', options: PRIMARY_NEED_OPTIONS }],
  holdStrategyDiscussion: [
    when('heldOn', 'Date held'),
    { kind: 'objects', name: 'attendees', label: 'Who took part', item: 'attendee', fields: [
      short('name', 'Name'), choice('agency', 'Agency', choices('holdStrategyDiscussion', 'attendees.agency'))] },
    text('missingAgencyReason', 'If social care, police or health were not there, why'),
    choice('decision', 'Decision', choices('holdStrategyDiscussion', 'decision')),
    text('rationale', 'Rationale')],
  completeSection47Enquiry: [
    when('completedOn', 'Date completed'), when('childSeenOn', 'Date the child was seen', 'Leave blank if not seen.'),
    choice('outcome', 'Outcome', choices('completeSection47Enquiry', 'outcome')),
    choice('nextStep', 'If not substantiated, next step', choices('completeSection47Enquiry', 'nextStep')),
    columns, dangers, text('rationale', 'Rationale')],
  holdInitialConference: [
    when('heldOn', 'Date held'),
    choice('decision', 'Decision', choices('holdInitialConference', 'decision')),
    choice('category', 'Category of plan', CATEGORY_OPTIONS, 'Required for a child protection plan.'),
    columns, dangers, { kind: 'scale', name: 'safetyScale', label: 'Safety scale' },
    { kind: 'scale', name: 'parentFeedbackScore', label: 'Parent feedback score', hint: 'From the parents’ feedback form, 0 to 10.' },
    { kind: 'scores', name: 'professionalFeedbackScores', label: 'Professional feedback scores' },
    yesno('parentsReceivedReport', 'Did the parents receive the report beforehand?')],
  holdCoreGroup: [
    when('heldOn', 'Date held'), { kind: 'list', name: 'attendees', label: 'Who attended', item: 'attendee' },
    yesno('safetyPlanAgreed', 'Was the safety plan agreed?'), text('notes', 'Notes')],
  recordVisit: [when('seenOn', 'Date the child was seen'), yesno('seenAlone', 'Was the child seen alone?'), text('notes', 'Notes')],
  holdReviewConference: [
    when('heldOn', 'Date held'),
    choice('decision', 'Decision', choices('holdReviewConference', 'decision')),
    choice('category', 'Category, if it changes', CATEGORY_OPTIONS),
    columns, dangers, { kind: 'scale', name: 'safetyScale', label: 'Safety scale' },
    { kind: 'scale', name: 'parentFeedbackScore', label: 'Parent feedback score', hint: 'From the parents’ feedback form, 0 to 10.' },
    { kind: 'scores', name: 'professionalFeedbackScores', label: 'Professional feedback scores' }],
  reviewLongPlan: [when('reviewedOn', 'Date reviewed'), text('actions', 'Actions agreed')],
  reviewChildInNeedPlan: [
    when('heldOn', 'Date of the review'),
    choice('decision', 'Decision', choices('reviewChildInNeedPlan', 'decision')),
    text('notes', 'Notes')],
  requestEntryToCare: entryToCare,
  completeNetworkWork: entryToCare,
  decideEntryToCare: [
    when('decidedOn', 'Date of the decision'),
    choice('decision', 'Decision', choices('decideEntryToCare', 'decision')),
    choice('approvedRoute', 'Approved route', ROUTE_OPTIONS.slice(0, 3)), text('conditions', 'Conditions', 'Required when deferring.'),
    when('reviewOn', 'Re-present by', 'Required when deferring.'), text('rationale', 'Rationale'),
    { kind: 'list', name: 'attendees', label: 'Panel members present', item: 'member' }],
  reviewEmergencyEntry: [when('reviewedOn', 'Date reviewed'), yesno('endorse', 'Does the panel endorse the emergency entry?'),
    text('rationale', 'Rationale')],
  confirmCareEntry: [
    when('enteredCareOn', 'Date the child entered care'),
    choice('legalStatus', 'Legal status', LEGAL_STATUS_OPTIONS)],
  reviewWarning: [
    choice('decision', 'Decision', choices('reviewWarning', 'decision')),
    text('reason', 'Why', 'What has changed, or why the warning is still needed.'),
    when('nextReviewOn', 'Next review date', 'Required when keeping the warning; a date in the future.')],
  completeAction: [when('completedOn', 'Date done'), text('outcome', 'What was done')],
  recordSupervision: [
    when('heldOn', 'Date held'), { kind: 'list', name: 'attendees', label: 'Who attended', item: 'attendee' },
    columns, text('decisions', 'Decisions'),
    { kind: 'objects', name: 'actions', label: 'Actions', item: 'action', fields: [
      short('text', 'What is to be done'),
      { kind: 'person', name: 'assignee', label: 'Who', group: 'social-workers' },
      when('dueOn', 'Due by')] }],
  authoriseClosure: [
    choice('reason', 'Reason for closure', CLOSURE_REASON_OPTIONS),
    when('closedOn', 'Date closed'), text('summary', 'Closing summary')],
};
