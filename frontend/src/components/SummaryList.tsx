import type { ReactNode } from 'react';

/** GOV.UK's summary list: each row a key and its value, in the order given. */
export function SummaryList({ rows, className = '' }: { rows: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={`govuk-summary-list ${className}`.trim()}>
      {rows.map(([k, v]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{k}</dt>
          <dd className="govuk-summary-list__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
