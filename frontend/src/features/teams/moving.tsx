import { ApiError } from '../../lib/api';
import type { FieldError, Me, Team } from '../../lib/types';
import { TEAM_SERVICES } from '../../lib/words';
import { fieldId } from '../../components/ErrorSummary';
import { inGroup } from '../auth/session';

/** The teams a manager manages; a service manager, every team. */
export function managedTeams(me: Me | null, teams: Team[]): Team[] {
  if (inGroup(me, 'service-managers')) return teams;
  return me ? teams.filter((t) => t.managers.includes(me.username)) : [];
}

export const serviceWords = (service: string) => TEAM_SERVICES[service] ?? 'Service not recorded';

/** The API's refusal as errors by field; anything else as one error on the form. */
export function problems(e: unknown): FieldError[] {
  if (e instanceof ApiError) return e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }];
  return [{ field: 'form', message: 'could not be sent. Try again.' }];
}

export { useWorkerNames } from '../../components/useWorkerNames';

function errorOf(errors: FieldError[], field: string) {
  return errors.find((e) => e.field === field)?.message;
}

/**
 * A team, then one of its members, then the reason: where cases go. `names` are the field names the
 * API's errors use (toTeam/toWorker/reason for a worker's cases, team/worker/reason for one case).
 */
export function TeamWorkerReason({ teams, value, onChange, errors, names, exclude, nameOf, reasonHint }: {
  teams: Team[]; value: { team: string; worker: string; reason: string };
  onChange: (v: { team: string; worker: string; reason: string }) => void;
  errors: FieldError[]; names: { team: string; worker: string; reason: string };
  exclude?: string; nameOf: (username: string) => string; reasonHint: string;
}) {
  const team = teams.find((t) => t.teamId === value.team);
  const workers = (team?.members ?? []).filter((m) => m !== exclude);
  const select = (field: 'team' | 'worker', label: string, options: [string, string][], hint?: string) => {
    const name = names[field];
    const error = errorOf(errors, name);
    const id = fieldId(name);
    return (
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
        {hint && <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>}
        {error && <p className="govuk-error-message" id={`${id}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
        <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={id} name={name} value={value[field]}
                aria-describedby={[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}
                onChange={(e) => onChange(field === 'team' ? { ...value, team: e.target.value, worker: '' } : { ...value, worker: e.target.value })}>
          <option value="">Choose {field === 'team' ? 'a team' : 'a worker'}</option>
          {options.map(([code, words]) => <option key={code} value={code}>{words}</option>)}
        </select>
      </div>
    );
  };
  const reasonId = fieldId(names.reason);
  const reasonError = errorOf(errors, names.reason);
  return (
    <>
      {select('team', 'Team', teams.map((t) => [t.teamId, `${t.name} (${serviceWords(t.service)})`]))}
      {select('worker', 'Worker', workers.map((m) => [m, nameOf(m)]),
        team ? 'Leave blank to leave the cases unallocated in the team, for its managers to allocate.' : 'Choose a team first.')}
      <div className={`govuk-form-group${reasonError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor={reasonId}>Reason</label>
        <div className="govuk-hint" id={`${reasonId}-hint`}>{reasonHint}</div>
        {reasonError && <p className="govuk-error-message" id={`${reasonId}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {reasonError}</p>}
        <textarea className={`govuk-textarea${reasonError ? ' govuk-textarea--error' : ''}`} id={reasonId} name={names.reason} rows={3}
                  aria-describedby={`${reasonId}-hint${reasonError ? ` ${reasonId}-error` : ''}`} value={value.reason}
                  onChange={(e) => onChange({ ...value, reason: e.target.value })} />
      </div>
    </>
  );
}
