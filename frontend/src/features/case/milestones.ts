import type { Milestone } from '../../lib/types';

/** One kind of milestone on a case (every visit, say) and how it stands: its next due date and how many were met, missed, overdue. */
export interface MilestoneGroup {
  key: string; nextDueOn: string | null; met: number; missed: number; overdue: number; due: number;
  occurrences: Milestone[];
}

/**
 * The case's milestones grouped by key, in the order each first appears (the journey's), each group's occurrences
 * by due date. The next due date is the soonest one not yet met or missed (an overdue one included).
 */
export function groupMilestones(milestones: Milestone[]): MilestoneGroup[] {
  const groups = new Map<string, MilestoneGroup>();
  for (const m of milestones) {
    const g = groups.get(m.key) ?? { key: m.key, nextDueOn: null, met: 0, missed: 0, overdue: 0, due: 0, occurrences: [] };
    g.occurrences.push(m);
    if (m.status === 'MET') g.met++;
    else if (m.status === 'MISSED') g.missed++;
    else {
      if (m.status === 'OVERDUE') g.overdue++;
      else g.due++;
      if (!g.nextDueOn || m.dueOn < g.nextDueOn) g.nextDueOn = m.dueOn;
    }
    groups.set(m.key, g);
  }
  for (const g of groups.values()) g.occurrences.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return [...groups.values()];
}

/** Today in the UK, as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}
