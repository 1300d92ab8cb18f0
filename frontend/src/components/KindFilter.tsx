import type { ReactNode } from 'react';

/**
 * Filtering a case's record by kind and to its significant events (the notes, the chronology), the
 * choice kept in the address by the page that uses it.
 */
export function KindFilter({ id, label, kind, significant, options, update, className = '', children }: {
  id: string; label: string; kind: string; significant: boolean; options: [string, string][];
  update: (name: 'kind' | 'significant', value: string) => void; className?: string; children?: ReactNode;
}) {
  return (
    <form className={`casepath-filters ${className}`.trim()} aria-label={label} onSubmit={(e) => e.preventDefault()}>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${id}-kind`}>Kind</label>
        <select className="govuk-select" id={`${id}-kind`} value={kind} onChange={(e) => update('kind', e.target.value)}>
          <option value="">All kinds</option>
          {options.map(([code, words]) => <option key={code} value={code}>{words}</option>)}
        </select>
      </div>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id={`${id}-significant`} type="checkbox" checked={significant}
                   onChange={(e) => update('significant', e.target.checked ? 'true' : '')} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-significant`}>Significant events only</label>
          </div>
        </div>
      </div>
      {children}
    </form>
  );
}
