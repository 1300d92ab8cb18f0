import type { Warning } from '../lib/types';
import { date, WARNING_TYPES } from '../lib/words';

/** The current warnings, first on the page, in GOV.UK's warning text: type in words, whose, the details and review date. */
export function Warnings({ warnings, showWhose = true }: { warnings: Warning[] | undefined; showWhose?: boolean }) {
  const current = (warnings ?? []).filter(isCurrent);
  if (!current.length) return null;
  return (
    <section aria-label="Warnings" className="casepath-warnings">
      {current.map((w, i) => (
        <div className="govuk-warning-text" key={w.warningId ?? `${w.personId}-${i}`}>
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {WARNING_TYPES[w.type ?? w.kind] ?? 'Warning'}
            {showWhose && w.personName ? `: ${w.personName}` : ''}
            {(w.details ?? w.text) ? `. ${w.details ?? w.text}` : ''}
            {w.reviewOn ? <span className="govuk-body-s casepath-block">Review by {date(w.reviewOn)}{w.agreedBy ? `, agreed by ${w.agreedBy}` : ''}</span> : null}
          </strong>
        </div>
      ))}
    </section>
  );
}

/** Current: not ended (the API's own flag when given). */
export function isCurrent(w: Warning): boolean {
  if (typeof w.current === 'boolean') return w.current;
  return !w.endedOn;
}

/** A restricted record, said plainly. */
export function RestrictedTag() {
  return <strong className="govuk-tag govuk-tag--red">Restricted record</strong>;
}
