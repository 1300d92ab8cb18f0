import type { Warning } from '../lib/types';
import { date, WARNING_TYPES } from '../lib/words';

/** The warnings still in force, ended ones left out. */
export function currentWarnings(warnings: Warning[] | undefined | null): Warning[] {
  return (warnings ?? []).filter((w) => w.current !== false && !w.endedOn);
}

/**
 * Warnings first (casework.md): GOV.UK warning text, one line per warning in force, in words —
 * the type, who it is about (on a case or a family page), what to know and when it is reviewed.
 */
export function WarningBanner({ warnings, showWho = true }: { warnings: Warning[] | undefined | null; showWho?: boolean }) {
  const current = currentWarnings(warnings);
  if (!current.length) return null;
  return (
    <section aria-label="Warnings">
      {current.map((w) => (
        <div className="govuk-warning-text" key={w.warningId}>
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {WARNING_TYPES[w.type] ?? 'Warning'}
            {showWho && w.personName ? ` – ${w.personName}` : ''}
            {w.details ? `: ${w.details}` : ''}
            {w.reviewOn ? ` (review by ${date(w.reviewOn)})` : ''}
          </strong>
        </div>
      ))}
    </section>
  );
}

/** The words of the warning types on an inbox row, as tags. */
export function WarningTags({ types }: { types: string[] | undefined }) {
  const unique = [...new Set(types ?? [])];
  if (!unique.length) return null;
  return (
    <span className="casepath-block">
      {unique.map((t) => (
        <strong key={t} className="govuk-tag govuk-tag--red govuk-!-margin-right-1">
          <span className="govuk-visually-hidden">Warning: </span>{WARNING_TYPES[t] ?? 'Warning'}
        </strong>
      ))}
    </span>
  );
}
