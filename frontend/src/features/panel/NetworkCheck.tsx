import { date } from '../../lib/words';

/** The network check's result in plain English, as the worker and the panel see it. */
export function NetworkCheck({ check, request }: { check: { passed: boolean; gaps: string[] }; request?: Record<string, any> }) {
  return (
    <>
      {check.passed ? (
        <div className="govuk-panel govuk-panel--confirmation govuk-!-padding-3 govuk-!-text-align-left">
          <h2 className="govuk-heading-m govuk-!-margin-bottom-0 casepath-on-panel">The network check has passed</h2>
        </div>
      ) : (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The network check found gaps to close before the panel:
            <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">
              {check.gaps.map((g) => <li key={g}>{g}</li>)}
            </ul>
          </div>
        </div>
      )}
      {request?.conditions && (
        <div className="govuk-inset-text">
          The panel deferred this request: {request.conditions} Re-present by {date(request.reviewOn)}.
        </div>
      )}
    </>
  );
}
