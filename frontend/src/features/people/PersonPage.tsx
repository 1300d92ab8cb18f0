import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { Change, Person, Relationship } from '../../lib/types';
import { date, dateTime, DISABILITIES, GENDERS, PERSON_KINDS, RELATIONSHIP_TYPES, STAGES, UPN_UNKNOWN, WARNING_TYPES } from '../../lib/words';
import { usePageTitle } from '../../components/usePageTitle';
import { SuccessBanner } from '../../components/SuccessBanner';
import { isCurrent, RestrictedTag, Warnings } from '../../components/Warnings';
import { fieldName } from '../../components/ErrorSummary';
import { inGroup, useSession } from '../auth/session';
import { SummaryList } from '../../components/SummaryList';

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export function PersonPage() {
  const { personId = '' } = useParams();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => api.person(personId) });
  const history = useQuery({ queryKey: ['person-history', personId], queryFn: () => api.personHistory(personId) });
  const { me } = useSession();
  const p = person.data;
  usePageTitle(p ? fullName(p) : 'Person');
  if (person.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!p) return <h1 className="govuk-heading-l">Person not found</h1>;
  const relationships = p.relationships ?? [];

  return (
    <>
      {done && <SuccessBanner text={done} />}
      <Warnings warnings={p.warnings} showWhose={false} />
      <span className="govuk-caption-l">{PERSON_KINDS[p.kind] ?? 'Person'}{p.childNumber ? ` · ${p.childNumber}` : ''}</span>
      <h1 className="govuk-heading-l">{fullName(p)} {p.restricted && <RestrictedTag />}</h1>
      <Details person={p} />
      <p className="govuk-body"><Link className="govuk-link" to={`/people/${personId}/change`}>Correct {fullName(p)}’s details</Link></p>

      <h2 className="govuk-heading-m">Cases</h2>
      {(p.cases ?? []).length === 0 ? <p className="govuk-body">No case of their own.</p> : (
        <ul className="govuk-list">
          {(p.cases ?? []).map((c) => (
            <li key={c.caseId}><Link className="govuk-link" to={`/cases/${c.caseId}`}>{c.reference}</Link>
              {' '}– {STAGES[c.stage] ?? 'Open'}{c.closedOn ? `, closed ${date(c.closedOn)}` : ''}</li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">Relationships</h2>
      <Relationships personId={personId} relationships={relationships} />
      <Link className="govuk-button govuk-button--secondary" to={`/people/${personId}/relationships/new`}>Add a relationship</Link>

      <h2 className="govuk-heading-m">Warnings</h2>
      <WarningList person={p} />
      <Link className="govuk-button govuk-button--secondary" to={`/people/${personId}/warnings/new`}>Raise a warning</Link>

      {inGroup(me, 'service-managers') && (
        <p className="govuk-body"><Link className="govuk-link" to={`/people/${personId}/restriction`}>Restrict the record, or lift a restriction</Link></p>
      )}

      <h2 className="govuk-heading-m">Changes to their details</h2>
      <History changes={history.data ?? []} />
    </>
  );
}

function Details({ person: p }: { person: Person }) {
  const address = p.address
    ? (p.address.confidential ? 'Confidential: not shown on letters or documents. ' : '')
      + [...p.address.lines, p.address.postcode].filter(Boolean).join(', ')
    : 'Not recorded';
  const rows: [string, string][] = [
    ['Other names', p.otherNames?.length ? p.otherNames.join(', ') : 'None recorded'],
    ['Date of birth', p.dateOfBirth ? date(p.dateOfBirth) : p.expectedDateOfBirth ? `Expected ${date(p.expectedDateOfBirth)} (unborn)` : 'Not recorded'],
    ['Gender', p.gender ? GENDERS[p.gender] ?? 'Not recorded' : 'Not recorded'],
    ['NHS number', p.nhsNumber ?? 'Not recorded'],
    ...(p.kind === 'CHILD' ? [
      ['Unique pupil number', p.upn ?? (p.upnUnknown ? `None: ${UPN_UNKNOWN[p.upnUnknown]}` : 'Not recorded')] as [string, string],
      ['Disabilities', p.disabilities?.length ? p.disabilities.map((d) => DISABILITIES[d] ?? d).join(', ') : 'Not recorded'] as [string, string],
    ] : []),
    ['First language', p.firstLanguage ?? 'Not recorded'],
    ['Interpreter needed', p.interpreterNeeded == null ? 'Not recorded' : p.interpreterNeeded ? 'Yes' : 'No'],
    ['Address', address],
    ['Phone', p.phone ?? 'Not recorded'],
    ['Email', p.email ?? 'Not recorded'],
    ...(p.diedOn ? [['Died', date(p.diedOn)] as [string, string]] : []),
  ];
  return (
    <SummaryList rows={rows} />
  );
}

/** "Their mother", "their grandchild": the other person is this person's … */
export function relationshipWords(r: Relationship) {
  return r.describedAs || RELATIONSHIP_TYPES[r.type] || 'Related';
}

function Relationships({ personId, relationships }: { personId: string; relationships: Relationship[] }) {
  const client = useQueryClient();
  const [ending, setEnding] = useState<string | null>(null);
  const [endOn, setEndOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!relationships.length) return <p className="govuk-body">None recorded.</p>;

  async function end(r: Relationship) {
    try {
      await api.changeRelationship(r.relationshipId, { to: endOn || new Date().toISOString().slice(0, 10) });
      setEnding(null);
      setError(null);
      await client.invalidateQueries({ queryKey: ['person', personId] });
    } catch (e) {
      setError(e instanceof ApiError ? (e.errors[0] ? `${fieldName(e.errors[0].field)} ${e.errors[0].message}` : e.detail || e.title) : 'Could not be saved.');
    }
  }

  return (
    <table className="govuk-table">
      <caption className="govuk-visually-hidden">Relationships, current first</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">Who</th>
        <th scope="col" className="govuk-table__header">Is their</th>
        <th scope="col" className="govuk-table__header">Details</th>
        <th scope="col" className="govuk-table__header">Dates</th>
        <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
      </tr></thead>
      <tbody className="govuk-table__body">
        {relationships.map((r) => (
          <tr className="govuk-table__row" key={r.relationshipId}>
            <td className="govuk-table__cell"><Link className="govuk-link" to={`/people/${r.otherPerson.personId}`}>{fullName(r.otherPerson)}</Link></td>
            <td className="govuk-table__cell">{relationshipWords(r)}</td>
            <td className="govuk-table__cell">
              {[r.parentalResponsibility && 'Parental responsibility', r.livesWithChild && 'Lives with the child',
                r.organisation].filter(Boolean).join('; ')}
              {r.safetyNetwork && <span className="casepath-block"><strong className="govuk-tag govuk-tag--green">Safety network</strong>
                {r.roleInPlan ? ` ${r.roleInPlan}` : ''}</span>}
            </td>
            <td className="govuk-table__cell">
              {r.from ? `From ${date(r.from)}` : ''}{r.to ? ` to ${date(r.to)}` : ''}
              {!r.current && <strong className="govuk-tag govuk-tag--grey casepath-block">Ended</strong>}
            </td>
            <td className="govuk-table__cell">
              {r.current && ending !== r.relationshipId && (
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onClick={() => { setEnding(r.relationshipId); setEndOn(''); setError(null); }}>
                  End<span className="govuk-visually-hidden"> the relationship with {fullName(r.otherPerson)}</span>
                </button>
              )}
              {ending === r.relationshipId && (
                <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
                  <label className="govuk-label" htmlFor={`end-${r.relationshipId}`}>Ended on</label>
                  <div className="govuk-hint" id={`end-${r.relationshipId}-hint`}>YYYY-MM-DD. Leave blank for today.</div>
                  {error && <p className="govuk-error-message" id={`end-${r.relationshipId}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
                  <input className="govuk-input govuk-input--width-10" id={`end-${r.relationshipId}`} value={endOn}
                         aria-describedby={`end-${r.relationshipId}-hint` + (error ? ` end-${r.relationshipId}-error` : '')}
                         onChange={(e) => setEndOn(e.target.value.trim())} />
                  <div className="govuk-button-group govuk-!-margin-top-2">
                    <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => end(r)}>
                      End the relationship<span className="govuk-visually-hidden"> with {fullName(r.otherPerson)}</span>
                    </button>
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setEnding(null)}>Cancel</button>
                  </div>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WarningList({ person }: { person: Person }) {
  const warnings = person.warnings ?? [];
  if (!warnings.length) return <p className="govuk-body">None.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-visually-hidden">Warnings, current and ended</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">Warning</th>
        <th scope="col" className="govuk-table__header">Details</th>
        <th scope="col" className="govuk-table__header">Dates</th>
        <th scope="col" className="govuk-table__header">Status</th>
      </tr></thead>
      <tbody className="govuk-table__body">
        {warnings.map((w) => (
          <tr className="govuk-table__row" key={w.warningId}>
            <td className="govuk-table__cell">{WARNING_TYPES[w.type] ?? 'Warning'}</td>
            <td className="govuk-table__cell">{w.details}{w.agreedBy ? <span className="govuk-hint casepath-block">Agreed by {w.agreedBy}</span> : null}</td>
            <td className="govuk-table__cell">{w.startsOn ? `From ${date(w.startsOn)}` : ''}{w.reviewOn ? `, review ${date(w.reviewOn)}` : ''}
              {w.endedOn ? `, ended ${date(w.endedOn)}` : ''}</td>
            <td className="govuk-table__cell">{isCurrent(w)
              ? <strong className="govuk-tag govuk-tag--red">Current</strong>
              : <strong className="govuk-tag govuk-tag--grey">Ended</strong>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const shown = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return 'blank';
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).filter((x) => x !== null && x !== false).flat().join(', ') || 'blank';
  return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? date(String(v)) : String(v);
};

function History({ changes }: { changes: Change[] }) {
  if (!changes.length) return <p className="govuk-body">No corrections.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-visually-hidden">Corrections, oldest first</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">When</th>
        <th scope="col" className="govuk-table__header">Who</th>
        <th scope="col" className="govuk-table__header">What</th>
        <th scope="col" className="govuk-table__header">Was</th>
        <th scope="col" className="govuk-table__header">Now</th>
      </tr></thead>
      <tbody className="govuk-table__body">
        {changes.map((c, i) => (
          <tr className="govuk-table__row" key={i}>
            <td className="govuk-table__cell">{dateTime(c.changedAt)}</td>
            <td className="govuk-table__cell">{c.changedBy}</td>
            <td className="govuk-table__cell">{fieldName(c.field)}</td>
            <td className="govuk-table__cell">{shown(c.oldValue)}</td>
            <td className="govuk-table__cell">{shown(c.newValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
