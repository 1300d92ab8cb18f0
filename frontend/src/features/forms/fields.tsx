import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { fieldId, fieldName } from '../../components/ErrorSummary';
import { get } from './paths';

/** The parts of a task form, as data: rendered by <FormFields>. */
export type Field =
  | { kind: 'choice'; name: string; label: string; options: [string, string][]; hint?: string }
  | { kind: 'select'; name: string; label: string; options: [string, string][]; hint?: string }
  | { kind: 'checkboxes'; name: string; label: string; options: [string, string][]; hint?: string }
  | { kind: 'person'; name: string; label: string; group: string; hint?: string }
  | { kind: 'team'; name: string; label: string; hint?: string }
  | { kind: 'yesno'; name: string; label: string; hint?: string }
  | { kind: 'date'; name: string; label: string; hint?: string }
  | { kind: 'text'; name: string; label: string; hint?: string; long?: boolean }
  | { kind: 'list'; name: string; label: string; hint?: string; item: string }
  | { kind: 'scale'; name: string; label: string; hint?: string }
  | { kind: 'scores'; name: string; label: string; hint?: string }
  | { kind: 'dangers'; name: string; label: string }
  | { kind: 'objects'; name: string; label: string; item: string; fields: Field[] }
  | { kind: 'group'; name: string; label: string; fields: Field[] }
  | { kind: 'columns' };

export interface FormState {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  change: (path: string, value: unknown) => void;
}

const join = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

export function FormFields({ fields, state, prefix = '' }: { fields: Field[]; state: FormState; prefix?: string }) {
  return <>{fields.map((f, i) => <FieldView key={i} field={f} state={state} prefix={prefix} />)}</>;
}

function FieldView({ field, state, prefix }: { field: Field; state: FormState; prefix: string }) {
  if (field.kind === 'columns') {
    return (
      <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Signs of Safety</legend>
        <div className="casepath-columns">
          <StringList state={state} path={join(prefix, 'worries')} label="What are we worried about?" item="worry" />
          <StringList state={state} path={join(prefix, 'workingWell')} label="What's working well?" item="strength" />
          <StringList state={state} path={join(prefix, 'needsToHappen')} label="What needs to happen?" item="next step" />
        </div>
      </fieldset>
    );
  }
  const path = join(prefix, field.name);
  switch (field.kind) {
    case 'choice':
      return <Radios state={state} path={path} label={field.label} hint={field.hint} options={field.options} />;
    case 'checkboxes':
      return <Checkboxes state={state} path={path} label={field.label} hint={field.hint} options={field.options} />;
    case 'select':
      return <Select state={state} path={path} label={field.label} hint={field.hint} options={field.options} />;
    case 'person':
      return <Person state={state} path={path} label={field.label} hint={field.hint} group={field.group} />;
    case 'team':
      return <TeamSelect state={state} path={path} label={field.label} hint={field.hint} />;
    case 'yesno':
      return <Radios state={state} path={path} label={field.label} hint={field.hint} inline
                     options={[['true', 'Yes'], ['false', 'No']]} toValue={(v) => v === 'true'} />;
    case 'scale':
      return <Radios state={state} path={path} label={field.label} inline toValue={Number}
                     hint={field.hint ?? '0 means the child is not safe at home; 10 means safe enough to close.'}
                     options={Array.from({ length: 11 }, (_, n) => [String(n), String(n)] as [string, string])} />;
    case 'date':
      return <DateInput state={state} path={path} label={field.label} hint={field.hint} />;
    case 'text':
      return <TextInput state={state} path={path} label={field.label} hint={field.hint} long={field.long} />;
    case 'list':
      return <StringList state={state} path={path} label={field.label} hint={field.hint} item={field.item} />;
    case 'scores':
      return <Scores state={state} path={path} label={field.label} hint={field.hint} />;
    case 'dangers':
      return <Dangers state={state} path={path} label={field.label} />;
    case 'objects':
      return <Objects state={state} path={path} label={field.label} item={field.item} fields={field.fields} />;
    case 'group':
      return (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{field.label}</legend>
          <FormFields fields={field.fields} state={state} prefix={path} />
        </fieldset>
      );
  }
}

function Group({ state, path, children, fieldset, label, hint }: {
  state: FormState; path: string; children: ReactNode; fieldset?: boolean; label: string; hint?: string;
}) {
  const error = state.errors[path];
  const id = fieldId(path);
  const described = [hint ? id + '-hint' : '', error ? id + '-error' : ''].filter(Boolean).join(' ') || undefined;
  const inner = (
    <>
      {hint && <div id={id + '-hint'} className="govuk-hint">{hint}</div>}
      {error && <p id={id + '-error'} className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {fieldName(path)} {error}</p>}
      {children}
    </>
  );
  return (
    <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
      {fieldset ? (
        <fieldset className="govuk-fieldset" aria-describedby={described}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
          {inner}
        </fieldset>
      ) : (
        <>
          <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
          {inner}
        </>
      )}
    </div>
  );
}

function TextInput({ state, path, label, hint, long }: { state: FormState; path: string; label: string; hint?: string; long?: boolean }) {
  const id = fieldId(path);
  const value = (get(state.values, path) as string | undefined) ?? '';
  const error = !!state.errors[path];
  const described = [hint ? id + '-hint' : '', error ? id + '-error' : ''].filter(Boolean).join(' ') || undefined;
  const onChange = (text: string) => state.change(path, text === '' ? undefined : text);
  return (
    <Group state={state} path={path} label={label} hint={hint}>
      {long
        ? <textarea className={'govuk-textarea' + (error ? ' govuk-textarea--error' : '')} id={id} rows={4} value={value}
                    aria-describedby={described} onChange={(e) => onChange(e.target.value)} />
        : <input className={'govuk-input' + (error ? ' govuk-input--error' : '')} id={id} value={value}
                 aria-describedby={described} onChange={(e) => onChange(e.target.value)} />}
    </Group>
  );
}

function Radios({ state, path, label, hint, options, inline, toValue = (v) => v }: {
  state: FormState; path: string; label: string; hint?: string; options: [string, string][]; inline?: boolean;
  toValue?: (v: string) => unknown;
}) {
  const current = get(state.values, path);
  const id = fieldId(path);
  return (
    <Group state={state} path={path} label={label} hint={hint} fieldset>
      <div className={'govuk-radios govuk-radios--small' + (inline ? ' govuk-radios--inline' : '')}>
        {options.map(([value, text], i) => (
          <div className="govuk-radios__item" key={value}>
            <input className="govuk-radios__input" id={i === 0 ? id : `${id}-${i}`} name={id} type="radio" value={value}
                   checked={current !== undefined && current !== null && String(current) === value}
                   onChange={() => state.change(path, toValue(value))} />
            <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id : `${id}-${i}`}>{text}</label>
          </div>
        ))}
      </div>
    </Group>
  );
}

/** Several of a list: the value is the list of codes ticked, in the list's order. */
function Checkboxes({ state, path, label, hint, options }: {
  state: FormState; path: string; label: string; hint?: string; options: [string, string][];
}) {
  const current = (get(state.values, path) as string[] | undefined) ?? [];
  const id = fieldId(path);
  const toggle = (value: string, on: boolean) => {
    const next = options.map(([code]) => code).filter((code) => (code === value ? on : current.includes(code)));
    state.change(path, next.length ? next : undefined);
  };
  return (
    <Group state={state} path={path} label={label} hint={hint} fieldset>
      <div className="govuk-checkboxes govuk-checkboxes--small">
        {options.map(([value, text], i) => (
          <div className="govuk-checkboxes__item" key={value}>
            <input className="govuk-checkboxes__input" id={i === 0 ? id : `${id}-${i}`} type="checkbox" value={value}
                   checked={current.includes(value)} onChange={(e) => toggle(value, e.target.checked)} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? id : `${id}-${i}`}>{text}</label>
          </div>
        ))}
      </div>
    </Group>
  );
}

function Select({ state, path, label, hint, options }: { state: FormState; path: string; label: string; hint?: string;
  options: [string, string][] }) {
  const id = fieldId(path);
  return (
    <Group state={state} path={path} label={label} hint={hint}>
      <select className={'govuk-select' + (state.errors[path] ? ' govuk-select--error' : '')} id={id}
              value={(get(state.values, path) as string | undefined) ?? ''}
              onChange={(e) => state.change(path, e.target.value || undefined)}>
        <option value="">Choose</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </Group>
  );
}

/** A colleague from a group, chosen by name (the API takes the username). */
function Person({ state, path, label, hint, group }: { state: FormState; path: string; label: string; hint?: string; group: string }) {
  const people = useQuery({ queryKey: ['users', group], queryFn: () => api.users(group) });
  return <Select state={state} path={path} label={label} hint={hint}
                 options={(people.data ?? []).map((p) => [p.username, `${p.displayName} (${p.username})`] as [string, string])} />;
}

function TeamSelect({ state, path, label, hint }: { state: FormState; path: string; label: string; hint?: string }) {
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.teams() });
  return <Select state={state} path={path} label={label} hint={hint}
                 options={(teams.data ?? []).map((t) => [t.teamId, t.name] as [string, string])} />;
}

/** GOV.UK date input: day, month and year, sent as YYYY-MM-DD; left empty, the API takes today. */
function DateInput({ state, path, label, hint }: { state: FormState; path: string; label: string; hint?: string }) {
  const stored = (get(state.values, path) as string | undefined) ?? '';
  const [y0, m0, d0] = stored.split('-');
  const [parts, setParts] = useState({ day: d0 ?? '', month: m0 ?? '', year: y0 ?? '' });
  const id = fieldId(path);
  const error = !!state.errors[path];
  const update = (key: 'day' | 'month' | 'year', text: string) => {
    const next = { ...parts, [key]: text.trim() };
    setParts(next);
    const { day, month, year } = next;
    state.change(path, !day && !month && !year ? undefined
      : `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
  };
  return (
    <Group state={state} path={path} label={label} hint={hint ?? 'For example, 27 3 2026. Leave blank for today.'} fieldset>
      <div className="govuk-date-input">
        {(['day', 'month', 'year'] as const).map((k) => (
          <div className="govuk-date-input__item" key={k}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={k === 'day' ? id : `${id}-${k}`}>
                {k[0].toUpperCase() + k.slice(1)}
              </label>
              <input className={`govuk-input govuk-date-input__input govuk-input--width-${k === 'year' ? 4 : 2}` + (error ? ' govuk-input--error' : '')}
                     id={k === 'day' ? id : `${id}-${k}`} inputMode="numeric" value={parts[k]}
                     onChange={(e) => update(k, e.target.value)} />
            </div>
          </div>
        ))}
      </div>
    </Group>
  );
}

/** An editable list of short texts (the Signs of Safety columns, goals, attendees). */
function StringList({ state, path, label, hint, item }: { state: FormState; path: string; label: string; hint?: string; item: string }) {
  const items = (get(state.values, path) as string[] | undefined) ?? [];
  const set = (next: string[]) => state.change(path, next);
  return (
    <Group state={state} path={path} label={label} hint={hint} fieldset>
      {items.map((text, i) => {
        const itemPath = `${path}[${i}]`;
        const itemError = state.errors[itemPath];
        return (
          <div key={i} className={'govuk-form-group' + (itemError ? ' govuk-form-group--error' : '')}>
            <label className="govuk-label govuk-visually-hidden" htmlFor={fieldId(itemPath)}>{`${label} ${i + 1}`}</label>
            {itemError && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {itemError}</p>}
            <textarea className="govuk-textarea govuk-!-margin-bottom-1" rows={2} id={fieldId(itemPath)} value={text}
                      onChange={(e) => set(items.map((t, j) => (j === i ? e.target.value : t)))} />
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    onClick={() => set(items.filter((_, j) => j !== i))}>
              Remove<span className="govuk-visually-hidden"> {item} {i + 1}</span>
            </button>
          </div>
        );
      })}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => set([...items, ''])}>
        Add {items.length ? 'another' : /^[aeiou]/i.test(item) ? 'an' : 'a'} {item}
      </button>
    </Group>
  );
}

function Scores({ state, path, label, hint }: { state: FormState; path: string; label: string; hint?: string }) {
  const scores = (get(state.values, path) as unknown[] | undefined) ?? [];
  const [text, setText] = useState(scores.join(', '));
  return (
    <Group state={state} path={path} label={label} hint={hint ?? 'Scores from 0 to 10, separated by commas.'}>
      <input className="govuk-input govuk-input--width-20" id={fieldId(path)} value={text} onChange={(e) => {
        setText(e.target.value);
        const parsed = e.target.value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        state.change(path, parsed);
      }} />
    </Group>
  );
}

/** Danger statements, each beside the safety goal that answers it. */
function Dangers({ state, path, label }: { state: FormState; path: string; label: string }) {
  const items = (get(state.values, path) as { statement?: string; safetyGoal?: string }[] | undefined) ?? [];
  return (
    <Group state={state} path={path} label={label} fieldset
           hint="Say what the worry is if nothing changes, and what safety looks like, in words the family uses.">
      {items.map((_, i) => (
        <div key={i} className="govuk-inset-text">
          <div className="casepath-danger">
            <TextInput state={state} path={`${path}[${i}].statement`} label={`Danger statement ${i + 1}`} long />
          </div>
          <div className="casepath-goal">
            <TextInput state={state} path={`${path}[${i}].safetyGoal`} label={`Safety goal ${i + 1}`} long />
          </div>
          <button type="button" className="govuk-button govuk-button--secondary"
                  onClick={() => state.change(path, items.filter((__, j) => j !== i))}>
            Remove<span className="govuk-visually-hidden"> danger statement {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => state.change(path, [...items, {}])}>
        Add a danger statement and safety goal
      </button>
    </Group>
  );
}

function Objects({ state, path, label, item, fields }: { state: FormState; path: string; label: string; item: string; fields: Field[] }) {
  const items = (get(state.values, path) as Record<string, unknown>[] | undefined) ?? [];
  return (
    <Group state={state} path={path} label={label} fieldset>
      {items.map((_, i) => (
        <div key={i} className="govuk-inset-text">
          <FormFields fields={fields.map((f) => ('label' in f ? { ...f, label: `${f.label} (${item} ${i + 1})` } : f)) as Field[]}
                      state={state} prefix={`${path}[${i}]`} />
          <button type="button" className="govuk-button govuk-button--secondary"
                  onClick={() => state.change(path, items.filter((__, j) => j !== i))}>
            Remove<span className="govuk-visually-hidden"> {item} {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => state.change(path, [...items, {}])}>
        Add {items.length ? 'another' : /^[aeiou]/i.test(item) ? 'an' : 'a'} {item}
      </button>
    </Group>
  );
}
