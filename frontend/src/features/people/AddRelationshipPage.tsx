import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError, Person, PersonHit } from '../../lib/types';
import { date, GENDER_OPTIONS, RELATIONSHIP_TYPE_OPTIONS } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field } from '../forms/fields';
import { set } from '../forms/paths';
import { fullName } from './PersonPage';

const NEW_PERSON: Field[] = [
  { kind: 'choice', name: 'kind', label: 'Adult or child', options: [['ADULT', 'Adult'], ['CHILD', 'Child']] },
  { kind: 'text', name: 'firstName', label: 'First name' },
  { kind: 'text', name: 'lastName', label: 'Last name' },
  { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 14 5 1990. Leave blank if not known.' },
  { kind: 'choice', name: 'gender', label: 'Gender', options: GENDER_OPTIONS },
];

const RELATIONSHIP: Field[] = [
  { kind: 'select', name: 'type', label: 'They are the person’s', options: RELATIONSHIP_TYPE_OPTIONS,
    hint: 'For example, mother: they are this child’s mother.' },
  { kind: 'yesno', name: 'parentalResponsibility', label: 'Do they have parental responsibility?' },
  { kind: 'yesno', name: 'livesWithChild', label: 'Do they live with the child?' },
  { kind: 'yesno', name: 'safetyNetwork', label: 'Are they in the safety network?' },
  { kind: 'text', name: 'roleInPlan', label: 'Their role in the safety plan', long: true, hint: 'For those in the safety network.' },
  { kind: 'text', name: 'organisation', label: 'Organisation', hint: 'For professionals: their school, practice or service.' },
  { kind: 'date', name: 'from', label: 'Since', hint: 'For example, 1 9 2025. Leave blank if not known.' },
];

/** Relating someone to this person: someone already on the record, found by search, or someone new. */
export function AddRelationshipPage() {
  const { personId = '' } = useParams();
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => api.person(personId) });
  usePageTitle('Add a relationship');
  if (person.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!person.data) return <h1 className="govuk-heading-l">Person not found</h1>;
  return <RelationshipForm person={person.data} />;
}

function RelationshipForm({ person }: { person: Person }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [who, setWho] = useState<'existing' | 'new' | null>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({ otherPerson: { kind: 'ADULT' } });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));

  async function search() {
    if (!q.trim()) {
      setErrors([{ field: 'search', message: 'give a name to search for' }]);
      return;
    }
    try {
      const found = await api.people({ q });
      setHits(found.filter((h) => !h.restricted && h.person.personId !== person.personId));
      setErrors([]);
    } catch (e) {
      setErrors([{ field: 'search', message: e instanceof ApiError && e.errors[0] ? e.errors[0].message : 'could not be searched' }]);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { otherPerson, ...relationship } = values;
    const problems: FieldError[] = [];
    if (!who) problems.push({ field: 'who', message: 'choose someone on the record or add someone new' });
    if (who === 'existing' && !chosen) problems.push({ field: 'otherPersonId', message: 'choose the person from the search results' });
    if (!relationship.type) problems.push({ field: 'type', message: 'is required' });
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const body = {
      ...relationship,
      parentalResponsibility: relationship.parentalResponsibility ?? false,
      livesWithChild: relationship.livesWithChild ?? false,
      safetyNetwork: relationship.safetyNetwork ?? false,
      ...(who === 'existing' ? { otherPersonId: chosen } : { otherPerson }),
    };
    try {
      const saved = await api.addRelationship(person.personId, body);
      await client.invalidateQueries({ queryKey: ['person'] });
      navigate(`/people/${person.personId}`, { state: { done: `${fullName(saved.otherPerson)} is recorded as ${fullName(person)}’s relationship.` } });
    } catch (e) {
      setErrors(e instanceof ApiError ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    }
  }

  const state = { values, errors: byField, change: (path: string, value: unknown) => setValues((v) => set(v, path, value)) };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{fullName(person)}</span>
        <h1 className="govuk-heading-l">Add a relationship</h1>
        <form onSubmit={submit} noValidate>
          <div className={'govuk-form-group' + (byField.who ? ' govuk-form-group--error' : '')}>
            <fieldset className="govuk-fieldset" aria-describedby={byField.who ? 'f-who-error' : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Who</legend>
              {byField.who && <p className="govuk-error-message" id="f-who-error"><span className="govuk-visually-hidden">Error:</span> {byField.who}</p>}
              <div className="govuk-radios govuk-radios--small">
                <div className="govuk-radios__item">
                  <input className="govuk-radios__input" type="radio" name="who" id="f-who" checked={who === 'existing'} onChange={() => setWho('existing')} />
                  <label className="govuk-label govuk-radios__label" htmlFor="f-who">Someone already on the record</label>
                </div>
                <div className="govuk-radios__item">
                  <input className="govuk-radios__input" type="radio" name="who" id="f-who-new" checked={who === 'new'} onChange={() => setWho('new')} />
                  <label className="govuk-label govuk-radios__label" htmlFor="f-who-new">Someone new</label>
                </div>
              </div>
            </fieldset>
          </div>

          {who === 'existing' && (
            <div className="govuk-inset-text">
              <div className={'govuk-form-group' + (byField.search ? ' govuk-form-group--error' : '')}>
                <label className="govuk-label govuk-label--s" htmlFor="f-search">Their name</label>
                {byField.search && <p className="govuk-error-message" id="f-search-error"><span className="govuk-visually-hidden">Error:</span> Search {byField.search}</p>}
                <input className="govuk-input govuk-input--width-20" id="f-search" value={q} onChange={(e) => setQ(e.target.value)}
                       aria-describedby={byField.search ? 'f-search-error' : undefined}
                       onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); search(); } }} />
              </div>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={search}>Search</button>
              {hits && (hits.length === 0 ? <p className="govuk-body" role="status">No one found: add them as someone new.</p> : (
                <div className={'govuk-form-group' + (byField.otherPersonId ? ' govuk-form-group--error' : '')}>
                  <fieldset className="govuk-fieldset">
                    <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Choose the person</legend>
                    {byField.otherPersonId && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {byField.otherPersonId}</p>}
                    <div className="govuk-radios govuk-radios--small">
                      {hits.map((h, i) => (
                        <div className="govuk-radios__item" key={h.person.personId}>
                          <input className="govuk-radios__input" type="radio" name="otherPersonId" id={i === 0 ? 'f-otherPersonId' : `f-otherPersonId-${i}`}
                                 checked={chosen === h.person.personId} onChange={() => setChosen(h.person.personId)} />
                          <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? 'f-otherPersonId' : `f-otherPersonId-${i}`}>
                            {fullName(h.person)}{h.person.dateOfBirth ? `, born ${date(h.person.dateOfBirth)}` : ''}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                </div>
              ))}
            </div>
          )}

          {who === 'new' && (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The new person</legend>
              <FormFields fields={NEW_PERSON} state={state} prefix="otherPerson" />
            </fieldset>
          )}

          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The relationship</legend>
            <FormFields fields={RELATIONSHIP} state={state} />
          </fieldset>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">Save the relationship</button>
            <Link className="govuk-link" to={`/people/${person.personId}`}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
