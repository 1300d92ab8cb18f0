// Words practitioners use, for the codes of the API.

export const STAGES: Record<string, string> = {
  FRONT_DOOR: 'Front Door', EARLY_HELP: 'Early Help', ASSESSMENT: 'Assessment', STRATEGY: 'Strategy discussion',
  CONFERENCE: 'Initial conference', CP_PLAN: 'Child protection plan', CIN_PLAN: 'Child in Need plan',
  PANEL: 'Entry to Care Panel', CLOSURE: 'Closure',
};

export const TASKS: Record<string, string> = {
  screenContact: 'Screen the contact', completeEarlyHelpAssessment: 'Early help assessment',
  reviewFamilyPlan: 'Review the family plan', allocateCase: 'Allocate a social worker',
  completeAssessment: 'Complete the assessment', authoriseAssessment: 'Authorise the assessment',
  holdStrategyDiscussion: 'Strategy discussion', completeSection47Enquiry: 'Section 47 enquiry',
  holdInitialConference: 'Initial child protection conference', holdCoreGroup: 'Core group', recordVisit: 'Visit',
  holdReviewConference: 'Review conference', reviewLongPlan: 'Long-plan review', reviewChildInNeedPlan: 'Child in Need plan review',
  requestEntryToCare: 'Request entry to care', completeNetworkWork: 'Network work', decideEntryToCare: 'Panel decision',
  reviewEmergencyEntry: 'Emergency entry review', confirmCareEntry: 'Confirm care entry', authoriseClosure: 'Authorise closure',
};

export const MILESTONES: Record<string, string> = {
  CONTACT_DECISION: 'Contact decision', ALLOCATION: 'Allocation', ASSESSMENT: 'Child and Family Assessment',
  STRATEGY_DISCUSSION: 'Strategy discussion', ICPC: 'Initial conference', CORE_GROUP: 'Core group', VISIT: 'Visit',
  RCPC: 'Review conference', CIN_REVIEW: 'CIN plan review', EH_ASSESSMENT: 'Early help assessment',
  FAMILY_PLAN_REVIEW: 'Family plan review', PANEL_DECISION: 'Panel decision', EMERGENCY_REVIEW: 'Emergency review',
  CLOSURE: 'Closure',
};

export const ROUTES: Record<string, string> = {
  S20: 'Section 20 accommodation', PRE_PROCEEDINGS: 'Pre-proceedings (Public Law Outline)',
  CARE_PROCEEDINGS: 'Care proceedings', EMERGENCY: 'Emergency entry',
};

export const GROUPS: Record<string, string> = {
  'front-door': 'Family Front Door', 'front-door-managers': 'Front Door managers', 'early-help': 'Early Help',
  'social-workers': 'Social workers', 'team-managers': 'Team managers', 'conference-chairs': 'Child protection chairs',
  panel: 'Entry to Care Panel', 'service-managers': 'Service managers', admins: 'Administrators', 'camunda-admin': 'Engine administrators',
};

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
