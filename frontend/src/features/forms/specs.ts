import type { Field } from './fields';

// One form per task key of api.md. Field names are the API's; labels are practitioners' words.

const when = (name: string, label: string, hint?: string): Field => ({ kind: 'date', name, label, hint });
const text = (name: string, label: string, hint?: string): Field => ({ kind: 'text', name, label, hint, long: true });
const short = (name: string, label: string, hint?: string): Field => ({ kind: 'text', name, label, hint });
const choice = (name: string, label: string, options: [string, string][], hint?: string): Field =>
  ({ kind: 'choice', name, label, options, hint });
const yesno = (name: string, label: string, hint?: string): Field => ({ kind: 'yesno', name, label, hint });
const columns: Field = { kind: 'columns' };
const dangers: Field = { kind: 'dangers', name: 'dangerStatements', label: 'Danger statements and safety goals' };

const CATEGORIES: [string, string][] = [['NEG', 'Neglect'], ['PHY', 'Physical abuse'], ['EMO', 'Emotional abuse'],
  ['SAB', 'Sexual abuse'], ['MUL', 'Multiple categories']];
const ROUTES: [string, string][] = [['S20', 'Section 20 accommodation'], ['PRE_PROCEEDINGS', 'Pre-proceedings (Public Law Outline)'],
  ['CARE_PROCEEDINGS', 'Care proceedings'], ['EMERGENCY', 'Emergency (police protection or emergency protection order)']];

const entryToCare: Field[] = [
  choice('route', 'Route into care', ROUTES),
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
    choice('decision', 'Decision', [['NFA', 'No further action'], ['ADVICE', 'Advice and information'],
      ['EARLY_HELP', 'Early help'], ['ASSESSMENT', 'Child and Family Assessment'], ['STRATEGY_DISCUSSION', 'Strategy discussion']]),
    when('decidedOn', 'Date of the decision'), columns, text('rationale', 'Rationale')],
  completeEarlyHelpAssessment: [
    when('completedOn', 'Date completed'), columns,
    { kind: 'list', name: 'familyGoals', label: 'The family’s goals', item: 'goal', hint: 'At least one for a family plan.' },
    choice('outcome', 'Outcome', [['FAMILY_PLAN', 'Family plan'], ['CLOSE', 'Close'], ['STEP_UP', 'Step up to the Front Door']]),
    text('rationale', 'Rationale')],
  reviewFamilyPlan: [
    when('heldOn', 'Date of the review'),
    choice('outcome', 'Outcome', [['CONTINUE', 'Continue the plan'], ['GOALS_ACHIEVED', 'Goals achieved: close'],
      ['STEP_UP', 'Step up to the Front Door']]),
    text('notes', 'Notes')],
  allocateCase: [{ kind: 'person', name: 'socialWorker', label: 'Social worker', group: 'social-workers' }],
  completeAssessment: [
    when('childSeenOn', 'Date the child was seen', 'Leave blank if not yet seen.'), yesno('childSeenAlone', 'Was the child seen alone?'),
    columns, dangers, { kind: 'scale', name: 'safetyScale', label: 'Safety scale' },
    { kind: 'list', name: 'assessmentFactors', label: 'Assessment factors', item: 'factor', hint: 'CIN census codes, for example 3A or 21.' },
    choice('recommendation', 'Recommendation', [['NFA', 'No further action'], ['EARLY_HELP', 'Early help'],
      ['CIN_PLAN', 'Child in Need plan'], ['STRATEGY_DISCUSSION', 'Strategy discussion'], ['ENTRY_TO_CARE', 'Entry to care']]),
    { kind: 'group', name: 'sharedWithFamily', label: 'Sharing the assessment with the family', fields: [
      choice('method', 'How it was shared', [['EMAIL', 'By email'], ['IN_PERSON', 'In person'], ['POST', 'By post'],
        ['NOT_SHARED', 'Not shared']]),
      short('email', 'Email address', 'If shared by email.'), text('reasonNotShared', 'If not shared, why not')] }],
  authoriseAssessment: [
    choice('decision', 'Decision', [['RETURN', 'Return to the worker'], ['NFA', 'No further action'], ['EARLY_HELP', 'Close to early help'],
      ['CIN_PLAN', 'Child in Need plan'], ['STRATEGY_DISCUSSION', 'Strategy discussion'], ['ENTRY_TO_CARE', 'Entry to Care Panel']]),
    when('authorisedOn', 'Date authorised'), text('comments', 'Comments', 'Required when returning the assessment.'),
    { kind: 'select', name: 'primaryNeed', label: 'Primary need (CIN census)', options: [['N1', 'N1 Abuse or neglect'],
      ['N2', "N2 Child's disability or illness"], ['N3', "N3 Parent's disability or illness"], ['N4', 'N4 Family in acute stress'],
      ['N5', 'N5 Family dysfunction'], ['N6', 'N6 Socially unacceptable behaviour'], ['N7', 'N7 Low income'],
      ['N8', 'N8 Absent parenting'], ['N9', 'N9 Cases other than children in need'], ['N0', 'N0 Not stated']] }],
  holdStrategyDiscussion: [
    when('heldOn', 'Date held'),
    { kind: 'objects', name: 'attendees', label: 'Who took part', item: 'attendee', fields: [
      short('name', 'Name'), choice('agency', 'Agency', [['CSC', "Children's social care"], ['POLICE', 'Police'],
        ['HEALTH', 'Health'], ['EDUCATION', 'Education'], ['OTHER', 'Other']])] },
    text('missingAgencyReason', 'If social care, police or health were not there, why'),
    choice('decision', 'Decision', [['S47', 'Start a section 47 enquiry'], ['NO_S47', 'No section 47 enquiry']]),
    text('rationale', 'Rationale')],
  completeSection47Enquiry: [
    when('completedOn', 'Date completed'), when('childSeenOn', 'Date the child was seen', 'Leave blank if not seen.'),
    choice('outcome', 'Outcome', [['CONVENE_ICPC', 'Convene an initial child protection conference'],
      ['SUBSTANTIATED_NO_CONTINUING_RISK', 'Substantiated, no continuing risk'], ['NOT_SUBSTANTIATED', 'Not substantiated']]),
    choice('nextStep', 'If not substantiated, next step', [['NFA', 'No further action'], ['EARLY_HELP', 'Early help'],
      ['CIN_PLAN', 'Child in Need plan']]),
    columns, dangers, text('rationale', 'Rationale')],
  holdInitialConference: [
    when('heldOn', 'Date held'),
    choice('decision', 'Decision', [['CP_PLAN', 'Child protection plan'], ['CIN_PLAN', 'Child in Need plan'], ['NFA', 'No further action']]),
    choice('category', 'Category of plan', CATEGORIES, 'Required for a child protection plan.'),
    dangers, { kind: 'scale', name: 'safetyScale', label: 'Safety scale' },
    { kind: 'scale', name: 'parentFeedbackScore', label: 'Parent feedback score', hint: 'From the parents’ feedback form, 0 to 10.' },
    { kind: 'scores', name: 'professionalFeedbackScores', label: 'Professional feedback scores' },
    yesno('parentsReceivedReport', 'Did the parents receive the report beforehand?')],
  holdCoreGroup: [
    when('heldOn', 'Date held'), { kind: 'list', name: 'attendees', label: 'Who attended', item: 'attendee' },
    yesno('safetyPlanAgreed', 'Was the safety plan agreed?'), text('notes', 'Notes')],
  recordVisit: [when('seenOn', 'Date the child was seen'), yesno('seenAlone', 'Was the child seen alone?'), text('notes', 'Notes')],
  holdReviewConference: [
    when('heldOn', 'Date held'),
    choice('decision', 'Decision', [['CONTINUE', 'Continue the plan'], ['END_CIN_PLAN', 'End: Child in Need plan'],
      ['END_EARLY_HELP', 'End: early help'], ['END_CLOSE', 'End and close']]),
    choice('category', 'Category, if it changes', CATEGORIES), { kind: 'scale', name: 'safetyScale', label: 'Safety scale' },
    { kind: 'scale', name: 'parentFeedbackScore', label: 'Parent feedback score', hint: 'From the parents’ feedback form, 0 to 10.' },
    { kind: 'scores', name: 'professionalFeedbackScores', label: 'Professional feedback scores' }],
  reviewLongPlan: [when('reviewedOn', 'Date reviewed'), text('actions', 'Actions agreed')],
  reviewChildInNeedPlan: [
    when('heldOn', 'Date of the review'),
    choice('decision', 'Decision', [['CONTINUE', 'Continue the plan'], ['STEP_DOWN_EARLY_HELP', 'Step down to early help'],
      ['CLOSE', 'Close'], ['ESCALATE', 'Escalate: strategy discussion']]),
    text('notes', 'Notes')],
  requestEntryToCare: entryToCare,
  completeNetworkWork: entryToCare,
  decideEntryToCare: [
    when('decidedOn', 'Date of the decision'),
    choice('decision', 'Decision', [['APPROVE', 'Approve entry to care'], ['DECLINE', 'Decline: the network safety plan continues'],
      ['DEFER', 'Defer with conditions']]),
    choice('approvedRoute', 'Approved route', ROUTES.slice(0, 3)), text('conditions', 'Conditions', 'Required when deferring.'),
    when('reviewOn', 'Re-present by', 'Required when deferring.'), text('rationale', 'Rationale'),
    { kind: 'list', name: 'attendees', label: 'Panel members present', item: 'member' }],
  reviewEmergencyEntry: [when('reviewedOn', 'Date reviewed'), yesno('endorse', 'Does the panel endorse the emergency entry?'),
    text('rationale', 'Rationale')],
  confirmCareEntry: [
    when('enteredCareOn', 'Date the child entered care'),
    choice('legalStatus', 'Legal status', [['C1', 'C1 Interim care order'], ['C2', 'C2 Full care order'],
      ['D1', 'D1 Freeing order granted'], ['E1', 'E1 Placement order granted'], ['J1', 'J1 Remanded to local authority'],
      ['L1', 'L1 Police protection'], ['L2', 'L2 Emergency protection order'], ['L3', 'L3 Child assessment order'],
      ['V2', 'V2 Single period of accommodation under section 20']])],
  authoriseClosure: [
    choice('reason', 'Reason for closure', [['RC1', 'RC1 Adopted'], ['RC2', 'RC2 Died'], ['RC3', 'RC3 Child arrangements order'],
      ['RC4', 'RC4 Special guardianship order'], ['RC5', 'RC5 Transferred to another local authority'],
      ['RC6', 'RC6 Transferred to adult social care'], ['RC7', 'RC7 Services ceased for any other reason'],
      ['RC8', 'RC8 Closed after assessment, no further action'], ['RC9', 'RC9 Closed after assessment, referred to early help']]),
    when('closedOn', 'Date closed'), text('summary', 'Closing summary')],
};
