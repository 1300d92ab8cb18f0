import { useEffect, useState, type ReactNode } from 'react';
import { fieldId } from '../../components/ErrorSummary';

// The GOV.UK inputs of the note form. Each is named by the API's field path, so an error the API names
// (`text`, `childSeen`, `actions[0].assignee`) is shown on its field and the error summary links to it.

export type Errors = Record<string, string>;

function describedBy(id: string, hint?: ReactNode, error?: string, extra?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;
}

function ErrorMessage({ id, label, error }: { id: string; label: string; error?: string }) {
  if (!error) return null;
  return <p id={`${id}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {label.replace(/\?$/, '')} {error}</p>;
}

export function TextField({ path, label, hint, value, onChange, errors, width }: {
  path: string; label: string; hint?: string; value: string; onChange: (v: string) => void; errors: Errors; width?: string;
}) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
      {hint && <div id={`${id}-hint`} className="govuk-hint">{hint}</div>}
      <ErrorMessage id={id} label={label} error={error} />
      <input className={'govuk-input' + (width ? ` ${width}` : '') + (error ? ' govuk-input--error' : '')} id={id} value={value}
             aria-describedby={describedBy(id, hint, error)} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** A textarea, with GOV.UK's character count when it has a limit (announced a moment after typing stops). */
export function TextArea({ path, label, hint, value, onChange, errors, rows = 5, maxLength, labelClass = 'govuk-label--s' }: {
  path: string; label: string; hint?: ReactNode; value: string; onChange: (v: string) => void; errors: Errors; rows?: number;
  maxLength?: number; labelClass?: string;
}) {
  const id = fieldId(path);
  const error = errors[path];
  const left = maxLength === undefined ? 0 : maxLength - value.length;
  // As GOV.UK's character count with a threshold: the count appears (and is announced) only near the limit.
  const near = maxLength !== undefined && value.length >= maxLength * 0.9;
  const message = !near ? `You can enter up to ${(maxLength ?? 0).toLocaleString('en-GB')} characters`
    : left >= 0 ? `You have ${left.toLocaleString('en-GB')} character${left === 1 ? '' : 's'} remaining`
      : `You have ${(-left).toLocaleString('en-GB')} character${left === -1 ? '' : 's'} too many`;
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setSpoken(near ? message : ''), 1000);
    return () => clearTimeout(t);
  }, [message, near]);
  return (
    <div className={'govuk-form-group' + (maxLength ? ' govuk-character-count' : '') + (error ? ' govuk-form-group--error' : '')}>
      <label className={`govuk-label ${labelClass}`} htmlFor={id}>{label}</label>
      {hint && <div id={`${id}-hint`} className="govuk-hint">{hint}</div>}
      <ErrorMessage id={id} label={label} error={error} />
      <textarea className={'govuk-textarea' + (error || left < 0 ? ' govuk-textarea--error' : '')} id={id} rows={rows} value={value}
                aria-describedby={describedBy(id, hint, error, maxLength ? `${id}-info` : undefined)}
                onChange={(e) => onChange(e.target.value)} />
      {maxLength !== undefined && (
        <>
          <div id={`${id}-info`} className="govuk-visually-hidden">You can enter up to {maxLength.toLocaleString('en-GB')} characters</div>
          <div className={'govuk-character-count__message ' + (left < 0 ? 'govuk-error-message' : 'govuk-hint')} aria-hidden="true">{message}</div>
          <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">{spoken}</div>
        </>
      )}
    </div>
  );
}

export function Select({ path, label, hint, value, options, onChange, errors, choose = 'Choose' }: {
  path: string; label: string; hint?: string; value: string; options: [string, string][]; onChange: (v: string) => void;
  errors: Errors; choose?: string;
}) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
      {hint && <div id={`${id}-hint`} className="govuk-hint">{hint}</div>}
      <ErrorMessage id={id} label={label} error={error} />
      <select className={'govuk-select casepath-select' + (error ? ' govuk-select--error' : '')} id={id} value={value}
              aria-describedby={describedBy(id, hint, error)} onChange={(e) => onChange(e.target.value)}>
        <option value="">{choose}</option>
        {options.map(([code, words]) => <option key={code} value={code}>{words}</option>)}
      </select>
    </div>
  );
}

export function YesNo({ path, label, hint, value, onChange, errors }: {
  path: string; label: string; hint?: ReactNode; value: boolean | null; onChange: (v: boolean) => void; errors: Errors;
}) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint && <div id={`${id}-hint`} className="govuk-hint">{hint}</div>}
        <ErrorMessage id={id} label={label} error={error} />
        <div className="govuk-radios govuk-radios--small govuk-radios--inline">
          {([[true, 'Yes'], [false, 'No']] as const).map(([v, words], i) => (
            <div className="govuk-radios__item" key={words}>
              <input className="govuk-radios__input" id={i === 0 ? id : `${id}-no`} name={id} type="radio" checked={value === v}
                     onChange={() => onChange(v)} />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id : `${id}-no`}>{words}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkboxes({ path, label, hint, value, options, onChange, errors }: {
  path: string; label: string; hint?: string; value: string[]; options: [string, string][]; onChange: (v: string[]) => void;
  errors: Errors;
}) {
  const id = fieldId(path);
  const error = errors[path];
  const toggle = (code: string, on: boolean) => onChange(options.map(([c]) => c).filter((c) => (c === code ? on : value.includes(c))));
  return (
    <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint && <div id={`${id}-hint`} className="govuk-hint">{hint}</div>}
        <ErrorMessage id={id} label={label} error={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map(([code, words], i) => (
            <div className="govuk-checkboxes__item" key={code}>
              <input className="govuk-checkboxes__input" id={i === 0 ? id : `${id}-${i}`} type="checkbox" value={code}
                     checked={value.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? id : `${id}-${i}`}>{words}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export interface DateParts { day: string; month: string; year: string }

/** GOV.UK date input (day, month, year), with a time beside it when `time` is given. */
export function DateInput({ path, label, hint, value, onChange, errors, time, onTime }: {
  path: string; label: string; hint?: string; value: DateParts; onChange: (v: DateParts) => void; errors: Errors;
  time?: string; onTime?: (v: string) => void;
}) {
  const id = fieldId(path);
  const error = errors[path];
  const bad = error ? ' govuk-input--error' : '';
  return (
    <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint && <div id={`${id}-hint`} className="govuk-hint">{hint}</div>}
        <ErrorMessage id={id} label={label} error={error} />
        <div className="govuk-date-input">
          {(['day', 'month', 'year'] as const).map((k) => (
            <div className="govuk-date-input__item" key={k}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={k === 'day' ? id : `${id}-${k}`}>
                  {k[0].toUpperCase() + k.slice(1)}
                </label>
                <input className={`govuk-input govuk-date-input__input govuk-input--width-${k === 'year' ? 4 : 2}${bad}`}
                       id={k === 'day' ? id : `${id}-${k}`} inputMode="numeric" value={value[k]}
                       onChange={(e) => onChange({ ...value, [k]: e.target.value.trim() })} />
              </div>
            </div>
          ))}
          {onTime && (
            <div className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-time`}>Time</label>
                <input className={`govuk-input govuk-date-input__input govuk-input--width-5${bad}`} id={`${id}-time`} type="time"
                       value={time ?? ''} onChange={(e) => onTime(e.target.value)} />
              </div>
            </div>
          )}
        </div>
      </fieldset>
    </div>
  );
}

/** A list of short texts (the child's worries, say), one textarea each, added and removed. */
export function TextList({ path, label, hint, items, onChange, errors, item }: {
  path: string; label: string; hint?: string; items: string[]; onChange: (v: string[]) => void; errors: Errors; item: string;
}) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint && <div id={`${id}-hint`} className="govuk-hint">{hint}</div>}
        <ErrorMessage id={id} label={label} error={error} />
        {items.map((text, i) => (
          <div key={i} className="govuk-form-group govuk-!-margin-bottom-2">
            <label className="govuk-label govuk-visually-hidden" htmlFor={fieldId(`${path}[${i}]`)}>{`${label} ${i + 1}`}</label>
            <textarea className="govuk-textarea govuk-!-margin-bottom-1" rows={2} id={fieldId(`${path}[${i}]`)} value={text}
                      onChange={(e) => onChange(items.map((t, j) => (j === i ? e.target.value : t)))} />
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => onChange(items.filter((_, j) => j !== i))}>
              Remove<span className="govuk-visually-hidden"> {item} {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                id={items.length ? undefined : id} onClick={() => onChange([...items, ''])}>
          Add {items.length ? 'another' : /^[aeiou]/i.test(item) ? 'an' : 'a'} {item}
        </button>
      </fieldset>
    </div>
  );
}
