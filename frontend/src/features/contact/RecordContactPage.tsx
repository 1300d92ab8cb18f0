import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError } from '../../lib/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field } from '../forms/fields';
import { set } from '../forms/paths';
import { SOURCE_OPTIONS } from '../../lib/words';
import { CENSUS_FIELDS } from '../case/censusFields';

const ETHNICITIES: [string, string][] = [['WBRI', 'White British'], ['WIRI', 'White Irish'], ['WIRT', 'Traveller of Irish heritage'],
  ['WROM', 'Gypsy/Roma'], ['WOTH', 'Any other White background'], ['MWBC', 'White and Black Caribbean'],
  ['MWBA', 'White and Black African'], ['MWAS', 'White and Asian'], ['MOTH', 'Any other mixed background'],
  ['AIND', 'Indian'], ['APKN', 'Pakistani'], ['ABAN', 'Bangladeshi'], ['AOTH', 'Any other Asian background'],
  ['BCRB', 'Caribbean'], ['BAFR', 'African'], ['BOTH', 'Any other Black background'], ['CHNE', 'Chinese'],
  ['OOTH', 'Any other ethnic group'], ['REFU', 'Refused'], ['NOBT', 'Information not yet obtained']];

const FIELDS: Field[] = [
  { kind: 'date', name: 'receivedOn', label: 'Date received', hint: 'Leave blank for now.' },
  { kind: 'text', name: 'receivedTime', label: 'Time received', hint: '24-hour clock, for example 16:55. Leave blank for now.' },
  { kind: 'select', name: 'source', label: 'Who made the contact (referral source)', options: SOURCE_OPTIONS },
  { kind: 'group', name: 'referrer', label: 'Referrer', fields: [
    { kind: 'text', name: 'name', label: 'Name' }, { kind: 'text', name: 'organisation', label: 'Organisation' },
    { kind: 'text', name: 'email', label: 'Email address' }, { kind: 'text', name: 'phone', label: 'Phone number' }] },
  { kind: 'group', name: 'child', label: 'The child', fields: [
    { kind: 'text', name: 'firstName', label: 'First name' }, { kind: 'text', name: 'lastName', label: 'Last name' },
    { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 14 5 2017.' },
    { kind: 'date', name: 'expectedDateOfBirth', label: 'Expected date of birth', hint: 'Only for an unborn child.' },
    { kind: 'choice', name: 'gender', label: 'Gender', options: [['F', 'Female'], ['M', 'Male'], ['U', 'Not known']] },
    { kind: 'select', name: 'ethnicity', label: 'Ethnicity', options: ETHNICITIES },
    { kind: 'text', name: 'address', label: 'Address', long: true },
    ...CENSUS_FIELDS] },
  { kind: 'text', name: 'concerns', label: 'What are the concerns?', long: true },
];

export function RecordContactPage() {
  usePageTitle('Record a contact');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { receivedOn, receivedTime, ...contact } = values as { receivedOn?: string; receivedTime?: string };
    const when = receivedOn || receivedTime
      ? new Date(`${receivedOn ?? new Date().toISOString().slice(0, 10)}T${receivedTime ?? '09:00'}`)
      : new Date();
    const receivedAt = isNaN(when.getTime()) ? 'invalid' : when.toISOString();
    try {
      const recorded = await api.recordContact({ ...contact, receivedAt });
      await client.invalidateQueries();
      navigate(`/cases/${recorded.caseId}`, { state: { done: `Contact recorded as ${recorded.reference}`
        + (recorded.reReferral ? ' – a re-referral within 12 months.' : '.') } });
    } catch (e) {
      setErrors(e instanceof ApiError
        ? e.errors.map((x) => (x.field === 'receivedAt' ? { ...x, field: 'receivedOn' } : x))
        : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Record a contact</h1>
        <form onSubmit={submit} noValidate>
          <FormFields fields={FIELDS} state={{ values, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
            change: (path, value) => setValues((v) => set(v, path, value)) }} />
          <button type="submit" className="govuk-button">Record the contact</button>
        </form>
      </div>
    </div>
  );
}
