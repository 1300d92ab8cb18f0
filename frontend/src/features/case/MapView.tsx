import type { CurrentMap, MapVersion } from '../../lib/types';
import { date, TASKS } from '../../lib/words';

/** The current Signs of Safety map: the three columns, then each danger statement beside its safety goal. */
export function MapView({ map }: { map: CurrentMap | null }) {
  if (!map) return <p className="govuk-body">No Signs of Safety mapping yet.</p>;
  const columns = [['What are we worried about?', map.worries], ['What’s working well?', map.workingWell],
    ['What needs to happen?', map.needsToHappen]] as const;
  return (
    <>
      <p className="govuk-body-s">The latest of each part, as at {date(map.recordedOn)}.</p>
      <div className="casepath-columns casepath-map">
        {columns.map(([title, items]) => (
          <div key={title}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{title}</h3>
            {items.length === 0 ? <p className="govuk-body-s">Nothing recorded.</p>
              : <ul className="govuk-list govuk-list--bullet">{items.map((t, i) => <li key={i}>{t}</li>)}</ul>}
          </div>
        ))}
      </div>
      {map.dangerStatements.length > 0 && (
        <>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Danger statements and safety goals</h3>
          <ol className="govuk-list casepath-dangers">
            {map.dangerStatements.map((d, i) => (
              <li key={i} className="casepath-danger-pair">
                <p className="govuk-body casepath-danger"><strong>Danger statement {i + 1}:</strong> {d.statement}</p>
                <p className="govuk-body casepath-goal"><strong>Safety goal:</strong> {d.safetyGoal}</p>
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="govuk-body">
        <strong>Safety scale:</strong> {map.safetyScale === null ? 'not yet scaled' : `${map.safetyScale} out of 10`}
      </p>
    </>
  );
}

const W = 600;
const H = 220;
const PAD = { left: 36, right: 16, top: 12, bottom: 36 };

/**
 * The safety scale over time as an inline SVG line chart (it scales with its viewBox down to a phone's width),
 * with the same figures as a table for anyone who cannot see the chart.
 */
export function SafetyScaleChart({ history }: { history: MapVersion[] }) {
  const points = history.filter((h) => h.safetyScale !== null && h.safetyScale !== undefined);
  if (points.length === 0) return <p className="govuk-body">The safety scale has not been recorded yet.</p>;
  const times = points.map((p) => new Date(p.recordedOn + 'T12:00:00Z').getTime());
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const x = (t: number) => (t1 === t0 ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - v / 10) * (H - PAD.top - PAD.bottom);
  const xy = points.map((p, i) => [x(times[i]), y(p.safetyScale!)] as const);
  const first = points[0];
  const last = points[points.length - 1];
  const summary = points.length === 1 ? `Scaled ${last.safetyScale} out of 10 on ${date(last.recordedOn)}.`
    : `From ${first.safetyScale} on ${date(first.recordedOn)} to ${last.safetyScale} on ${date(last.recordedOn)}, ${points.length} scalings.`;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-4">
      <svg className="casepath-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="scale-title scale-desc"
           preserveAspectRatio="xMidYMid meet">
        <title id="scale-title">Safety scale over time</title>
        <desc id="scale-desc">{summary} 0 means the child is not safe at home; 10 means safe enough to close.</desc>
        {[0, 5, 10].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#b1b4b6" strokeWidth={1} />
            <text x={PAD.left - 8} y={y(v) + 5} textAnchor="end" fontSize={14} fill="#0b0c0c">{v}</text>
          </g>
        ))}
        <polyline fill="none" stroke="#1d70b8" strokeWidth={3} points={xy.map(([a, b]) => `${a},${b}`).join(' ')} />
        {xy.map(([a, b], i) => <circle key={i} cx={a} cy={b} r={5} fill="#1d70b8" />)}
        <text x={PAD.left} y={H - 10} fontSize={14} fill="#0b0c0c">{date(first.recordedOn)}</text>
        {points.length > 1 && <text x={W - PAD.right} y={H - 10} fontSize={14} textAnchor="end" fill="#0b0c0c">{date(last.recordedOn)}</text>}
      </svg>
      <figcaption className="govuk-body-s">{summary}</figcaption>
      <details className="govuk-details govuk-!-margin-bottom-0">
        <summary className="govuk-details__summary"><span className="govuk-details__summary-text">The safety scale as a table</span></summary>
        <div className="govuk-details__text">
          <table className="govuk-table casepath-stack">
            <caption className="govuk-table__caption govuk-visually-hidden">The safety scale over time</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Scale</th>
              <th scope="col" className="govuk-table__header">Recorded by</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {points.map((p, i) => (
                <tr className="govuk-table__row" key={i}>
                  <td className="govuk-table__cell" data-label="Date">{date(p.recordedOn)}</td>
                  <td className="govuk-table__cell" data-label="Scale">{p.safetyScale} out of 10</td>
                  <td className="govuk-table__cell" data-label="Recorded by">
                    {TASKS[p.sourceTask] ?? 'Signs of Safety mapping'}{p.scaledBy ? `, ${p.scaledBy}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Every form's version of the map, newest first, folded away: what each recorded (a part it did not record is left out). */
export function MapHistory({ history }: { history: MapVersion[] }) {
  if (history.length === 0) return null;
  const parts = [['What are we worried about?', 'worries'], ['What’s working well?', 'workingWell'],
    ['What needs to happen?', 'needsToHappen']] as const;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{history.length === 1 ? "The one version of the map" : `All ${history.length} versions of the map`}</span>
      </summary>
      <div className="govuk-details__text">
        <ol className="govuk-list">
          {history.slice().reverse().map((v, i) => (
            <li key={i} className="casepath-note">
              <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
                {date(v.recordedOn)} – {TASKS[v.sourceTask] ?? 'Signs of Safety mapping'}
              </h4>
              {parts.map(([title, key]) => v[key] && v[key]!.length > 0 && (
                <p key={key} className="govuk-body-s govuk-!-margin-bottom-1"><strong>{title}</strong> {v[key]!.join('; ')}</p>
              ))}
              {v.dangerStatements?.map((d, j) => (
                <p key={j} className="govuk-body-s govuk-!-margin-bottom-1"><strong>Danger:</strong> {d.statement} <strong>Goal:</strong> {d.safetyGoal}</p>
              ))}
              {v.safetyScale !== null && <p className="govuk-body-s govuk-!-margin-bottom-1">Safety scale {v.safetyScale} out of 10
                {v.scaledBy ? `, scaled by ${v.scaledBy}` : ''}</p>}
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}
