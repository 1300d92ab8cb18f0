import { useEffect, useRef } from 'react';
import type { FieldError } from '../lib/types';

/** GOV.UK error summary: focused when it appears, each error a link to its field. */
export function ErrorSummary({ errors, title = 'There is a problem', describe = (e) => `${fieldName(e.field)} ${e.message}` }: {
  errors: FieldError[]; title?: string;
  /** The words of an error; by default its field's name and the message. */
  describe?: (e: FieldError) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.field + e.message}>
                <a href={'#' + fieldId(e.field)} onClick={(ev) => {
                  ev.preventDefault();
                  document.getElementById(fieldId(e.field))?.focus();
                }}>{describe(e)}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** An input's id from an API field path: sharedWithFamily.method → sharedWithFamily-method. */
export function fieldId(path: string) {
  return 'f-' + path.replace(/[.[\]]+/g, '-').replace(/-$/, '');
}

/** The API's field path as words: dangerStatements[0].safetyGoal → Safety goal 1. */
export function fieldName(path: string) {
  const last = path.split('.').pop() ?? path;
  const words = last.replace(/\[(\d+)]/g, ' $1').replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
