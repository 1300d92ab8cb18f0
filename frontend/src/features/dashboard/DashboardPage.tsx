import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Dashboard, DashboardFigure } from '../../lib/types';
import { date, GROUPS, MILESTONES } from '../../lib/words';
import { usePageTitle } from '../../components/usePageTitle';

const iso = (d: Date) => d.toISOString().slice(0, 10);

function shown(f: DashboardFigure) {
  if (f.value === null) return '–';
  switch (f.unit) {
    case 'PERCENT': return `${f.value}%`;
    case 'PER_10000': return `${f.value}`;
    default: return `${f.value}`;
  }
}

function basis(f: DashboardFigure) {
  if (f.unit === 'PERCENT') return f.denominator ? `${f.numerator} of ${f.denominator}` : 'none in the period';
  if (f.unit === 'PER_10000') return `${f.numerator} children, per 10,000`;
  if (f.unit === 'AVERAGE') return `from ${f.numerator} forms`;
  return '';
}

/** Monthly bars for one timeliness figure, with the numbers as a table for screen readers. */
function TrendChart({ title, months, values }: { title: string; months: string[]; values: (number | null)[] }) {
  const width = 40 * months.length + 40;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <figcaption className="govuk-heading-s">{title}</figcaption>
      <svg viewBox={`0 0 ${width} 140`} width="100%" height="140" preserveAspectRatio="xMinYMid meet" aria-hidden="true" focusable="false">
        <line x1="30" y1="110" x2={width} y2="110" stroke="#0b0c0c" />
        <text x="0" y="14" fontSize="12">100%</text>
        <text x="0" y="110" fontSize="12">0%</text>
        {values.map((v, i) => (
          <g key={months[i]}>
            {v !== null && <rect x={40 + i * 40} y={110 - v} width="28" height={v} fill="#1d70b8" />}
            <text x={40 + i * 40} y="128" fontSize="11">{months[i].slice(5)}</text>
          </g>
        ))}
      </svg>
      <table className="govuk-visually-hidden">
        <caption>{title} by month</caption>
        <tbody>{months.map((m, i) => <tr key={m}><th scope="row">{m}</th><td>{values[i] === null ? 'none' : `${values[i]}%`}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

export function DashboardPage() {
  usePageTitle('Timeliness');
  const today = new Date();
  const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  const [period, setPeriod] = useState({ from: iso(yearAgo), to: iso(today) });
  const [draft, setDraft] = useState(period);
  const data = useQuery({ queryKey: ['dashboard', period], queryFn: () => api.dashboard(period.from, period.to) });

  function apply(event: FormEvent) {
    event.preventDefault();
    setPeriod(draft);
  }

  return (
    <>
      <h1 className="govuk-heading-l">Timeliness</h1>
      <form className="casepath-filters" onSubmit={apply} aria-label="Period">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="period-from">From</label>
          <input className="govuk-input govuk-input--width-10" type="date" id="period-from" value={draft.from}
                 onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="period-to">To</label>
          <input className="govuk-input govuk-input--width-10" type="date" id="period-to" value={draft.to}
                 onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">Show</button>
      </form>
      {data.isLoading && <p className="govuk-body">Loading…</p>}
      {data.data && <Figures dashboard={data.data} />}
    </>
  );
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  const months = dashboard.trend.map((m) => m.month);
  const byTeam = dashboard.overdue.reduce<Record<string, Dashboard['overdue']>>((teams, o) => {
    (teams[o.team] ??= []).push(o);
    return teams;
  }, {});
  return (
    <>
      <p className="govuk-body">{date(dashboard.from)} to {date(dashboard.to)}. Rates per 10,000 use a child population of
        {' '}{dashboard.childPopulation.toLocaleString('en-GB')}.</p>
      <h2 className="govuk-heading-m">Trends</h2>
      <div className="casepath-charts">
        <TrendChart title="Contact decisions in 1 working day" months={months} values={dashboard.trend.map((m) => m.contactDecisionsInTime)} />
        <TrendChart title="Assessments in 45 working days" months={months} values={dashboard.trend.map((m) => m.assessmentsInTime)} />
        <TrendChart title="Initial conferences in 15 working days" months={months} values={dashboard.trend.map((m) => m.initialConferencesInTime)} />
        <TrendChart title="Review conferences in time" months={months} values={dashboard.trend.map((m) => m.reviewConferencesInTime)} />
      </div>

      <h2 className="govuk-heading-m">Figures</h2>
      <div className="casepath-columns">
        {dashboard.figures.map((f) => (
          <div key={f.key} className="govuk-summary-card govuk-!-margin-bottom-3">
            <div className="govuk-summary-card__title-wrapper"><h3 className="govuk-summary-card__title">{f.label}</h3></div>
            <div className="govuk-summary-card__content">
              <p className="govuk-heading-l govuk-!-margin-bottom-1">{shown(f)}</p>
              <p className="govuk-body-s">{basis(f)}</p>
              {Object.keys(f.comparators).length > 0 && (
                <p className="govuk-body-s">Compare: {Object.entries(f.comparators).map(([k, v]) => `${k} ${v}`).join(' · ')}</p>
              )}
              {f.children.length > 0 && (
                <details className="govuk-details govuk-!-margin-bottom-0">
                  <summary className="govuk-details__summary"><span className="govuk-details__summary-text">The children</span></summary>
                  <div className="govuk-details__text">
                    <ul className="govuk-list">
                      {f.children.map((c, i) => (
                        <li key={i}>{c.caseId ? <Link className="govuk-link" to={`/cases/${c.caseId}`}>{c.childName}</Link> : c.childName} {c.reference}
                          {c.on ? `, ${date(c.on)}` : ''}{c.detail ? ` (${c.detail.toLowerCase().replace(/_/g, ' ')})` : ''}</li>
                      ))}
                    </ul>
                  </div>
                </details>
              )}
            </div>
          </div>
        ))}
      </div>

      <h2 className="govuk-heading-m">Waiting for a worker</h2>
      <p className="govuk-body">{dashboard.unallocatedCases === 0 ? 'Every open case has a worker.' : <>
        <Link className="govuk-link" to="/teams/unallocated">{dashboard.unallocatedCases} unallocated {dashboard.unallocatedCases === 1
          ? 'case' : 'cases'}</Link> now.</>}</p>

      <h2 className="govuk-heading-m">Overdue now</h2>
      {dashboard.overdue.length === 0 && <p className="govuk-body">Nothing is overdue.</p>}
      {Object.entries(byTeam).map(([team, items]) => (
        <table className="govuk-table" key={team}>
          <caption className="govuk-table__caption govuk-table__caption--s">
            {team.split(',').map((g) => GROUPS[g] ?? g).join(', ')} ({items.length})
          </caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Worker</th><th scope="col" className="govuk-table__header">Child</th>
            <th scope="col" className="govuk-table__header">Milestone</th><th scope="col" className="govuk-table__header">Was due</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {items.map((o, i) => (
              <tr className="govuk-table__row" key={i}>
                <td className="govuk-table__cell">{o.worker ?? 'Unassigned'}</td>
                <td className="govuk-table__cell">{o.caseId ? <Link className="govuk-link" to={`/cases/${o.caseId}`}>{o.childName}</Link> : o.childName} {o.reference}</td>
                <td className="govuk-table__cell">{MILESTONES[o.milestone] ?? o.milestone}</td>
                <td className="govuk-table__cell">{date(o.dueOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
