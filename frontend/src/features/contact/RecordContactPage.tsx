import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError, Match } from '../../lib/types';
import { ErrorSummary, fieldName } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field, type FormState } from '../forms/fields';
import { get, set } from '../forms/paths';
import { date, GENDER_OPTIONS, SOURCE_OPTIONS } from '../../lib/words';
import { CENSUS_FIELDS } from '../case/censusFields';
import { useMatches } from './useMatches';
import { childPaths, contactBody } from './children';

const ETHNICITIES: [string, string][] = [['WBRI', 'White British'], ['WIRI', 'White Irish'], ['WIRT', 'Traveller of Irish heritage'],
  ['WROM', 'Gypsy/Roma'], ['WOTH', 'Any other White background'], ['MWBC', 'White and Black Caribbean'],
  ['MWBA', 'White and Black African'], ['MWAS', 'White and Asian'], ['MOTH', 'Any other mixed background'],
  ['AIND', 'Indian'], ['APKN', 'Pakistani'], ['ABAN', 'Bangladeshi'], ['AOTH', 'Any other Asian background'],
  ['BCRB', 'Caribbean'], ['BAFR', 'African'], ['BOTH', 'Any other Black background'], ['CHNE', 'Chinese'],
  ['OOTH', 'Any other ethnic group'], ['REFU', 'Refused'], ['NOBT', 'Information not yet obtained']];

const BEFORE: Field[] = [
  { kind: 'date', name: 'receivedOn', label: 'Date received', hint: 'Leave blank for now.' },
  { kind: 'text', name: 'receivedTime', label: 'Time received', hint: '24-hour clock, for example 16:55. Leave blank for now.' },
  { kind: 'select', name: 'source', label: 'Who made the contact (referral source)', options: SOURCE_OPTIONS },
  { kind: 'group', name: 'referrer', label: 'Referrer', fields: [
    { kind: 'text', name: 'name', label: 'Name' }, { kind: 'text', name: 'organisation', label: 'Organisation' },
    { kind: 'text', name: 'email', label: 'Email address' }, { kind: 'text', name: 'phone', label: 'Phone number' }] },
];
const NAMES: Field[] = [{ kind: 'text', name: 'firstName', label: 'First name' }, { kind: 'text', name: 'lastName', label: 'Last name' },
  { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 14 5 2017.' }];
const REST: Field[] = [
  { kind: 'date', name: 'expectedDateOfBirth', label: 'Expected date of birth', hint: 'Only for an unborn child.' },
  { kind: 'choice', name: 'gender', label: 'Gender', options: GENDER_OPTIONS },
  { kind: 'select', name: 'ethnicity', label: 'Ethnicity', options: ETHNICITIES },
  { kind: 'text', name: 'address', label: 'Address', long: true },
  ...CENSUS_FIELDS];
const AFTER: Field[] = [{ kind: 'text', name: 'concerns', label: 'What are the concerns?', long: true }];

let nextKey = 1;

/** A contact about one child or several (children[]: each their own case, one family), each perhaps a child we know. */
export function RecordContactPage() {
  usePageTitle('Record a contact');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>({ children: [{}] });
  const [keys, setKeys] = useState<number[]>([0]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const children = (values.children as Record<string, unknown>[]) ?? [{}];
  const state: FormState = { values, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
    change: (path, value) => setValues((v) => set(v, path, value)) };

  function addChild() {
    setValues((v) => ({ ...v, children: [...children, {}] }));
    setKeys((k) => [...k, nextKey++]);
  }
  function removeChild(i: number) {
    setValues((v) => ({ ...v, children: children.filter((_, j) => j !== i) }));
    setKeys((k) => k.filter((_, j) => j !== i));
    setErrors([]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const recorded = await api.recordContactFamily(contactBody(values));
      await client.invalidateQueries();
      if ('cases' in recorded && recorded.cases.length > 1) {
        navigate(`/families/${recorded.familyId}`, { state: { done: `Contact recorded for ${recorded.cases.length} children: `
          + recorded.cases.map((c) => c.reference + (c.reReferral ? ' (a re-referral within 12 months)' : '')).join(', ') + '.' } });
      } else {
        const one = 'cases' in recorded ? recorded.cases[0] : recorded;
        navigate(`/cases/${one.caseId}`, { state: { done: `Contact recorded as ${one.reference}`
          + (one.reReferral ? ' – a re-referral within 12 months.' : '.') } });
      }
    } catch (e) {
      setErrors(e instanceof ApiError
        ? (e.errors.length ? e.errors.map((x) => ({ ...x, field: childPaths(x.field === 'receivedAt' ? 'receivedOn' : x.field) }))
          : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} describe={(e) => describe(e, children.length)} />
        <h1 className="govuk-heading-l">Record a contact</h1>
        <form onSubmit={submit} noValidate>
          <FormFields fields={BEFORE} state={state} />
          {children.map((child, i) => (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={keys[i]}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                {children.length > 1 ? `Child ${i + 1}` : 'The child'}
              </legend>
              <FormFields fields={NAMES} state={state} prefix={`children[${i}]`} />
              <KnownChild index={i} child={child} state={state} />
              <FormFields fields={REST} state={state} prefix={`children[${i}]`} />
              {children.length > 1 && (
                <button type="button" className="govuk-button govuk-button--warning" onClick={() => removeChild(i)}>
                  Remove<span className="govuk-visually-hidden"> child {i + 1}</span>
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" className="govuk-button govuk-button--secondary" onClick={addChild}>Add another child</button>
          <FormFields fields={AFTER} state={state} />
          <button type="submit" className="govuk-button">Record the contact</button>
        </form>
      </div>
    </div>
  );
}

/** The error summary's words: which child, when there are several. */
function describe(e: FieldError, count: number): string {
  const m = /^children\[(\d+)]\.(.+)$/.exec(e.field);
  const field = m ? m[2] : e.field;
  const words = `${field === 'form' ? 'The contact' : fieldName(field)} ${e.message}`;
  return m && count > 1 ? `Child ${Number(m[1]) + 1}: ${words}` : words;
}


/** "Is this a child we know?": likely existing children as the names and date of birth are typed; choosing one links them. */
function KnownChild({ index, child, state }: { index: number; child: Record<string, unknown>; state: FormState }) {
  const path = `children[${index}]`;
  const chosen = get(state.values, `${path}.childId`) as string | undefined;
  const [chosenMatch, setChosenMatch] = useState<Match | null>(null);
  const matches = useMatches({ firstName: child.firstName as string, lastName: child.lastName as string,
    dateOfBirth: child.dateOfBirth as string }, { enabled: !chosen });
  const id = `known-${index}`;
  if (chosen) {
    return (
      <div className="govuk-inset-text" aria-live="polite">
        <p className="govuk-body">Linked to a child we know: <strong>{chosenMatch ? describeMatch(chosenMatch) : 'the chosen child'}</strong>.</p>
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={() => { state.change(`${path}.childId`, undefined); setChosenMatch(null); }}>
          Not this child<span className="govuk-visually-hidden"> (child {index + 1})</span>
        </button>
      </div>
    );
  }
  return (
    <div aria-live="polite">
      {matches.length > 0 && (
        <div className="govuk-inset-text">
          <div className="govuk-form-group govuk-!-margin-bottom-0">
            <fieldset className="govuk-fieldset" aria-describedby={`${id}-hint`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Is this a child we know?</legend>
              <div id={`${id}-hint`} className="govuk-hint">Choose them to add this contact to their record, rather than record them again.</div>
              <div className="govuk-radios govuk-radios--small">
                {matches.map((m, j) => (
                  <div className="govuk-radios__item" key={m.personId}>
                    <input className="govuk-radios__input" id={`${id}-${j}`} name={id} type="radio" value={m.personId}
                           onChange={() => { setChosenMatch(m); state.change(`${path}.childId`, m.personId); }} />
                    <label className="govuk-label govuk-radios__label" htmlFor={`${id}-${j}`}>{describeMatch(m)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        </div>
      )}
    </div>
  );
}

function describeMatch(m: Match): string {
  const born = m.dateOfBirth ? `born ${date(m.dateOfBirth)}` : m.expectedDateOfBirth ? `due ${date(m.expectedDateOfBirth)}` : 'date of birth not known';
  return `${m.firstName} ${m.lastName}, ${born}${m.childNumber ? ` (child number ${m.childNumber})` : ''}`;
}
