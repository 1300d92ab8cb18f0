import type { Field } from '../forms/fields';
import { DISABILITY_OPTIONS, UPN_UNKNOWN_OPTIONS } from '../../lib/words';

/** What the census asks of a child, as the contact form and the correction page both ask it. */
export const CENSUS_FIELDS: Field[] = [
  { kind: 'text', name: 'nhsNumber', label: 'NHS number', hint: '10 digits, for example 943 476 5919. Leave blank if not known.' },
  { kind: 'text', name: 'upn', label: 'Unique pupil number', hint: 'The UPN: 13 characters, from the child\'s school. Leave blank if not known.' },
  { kind: 'select', name: 'upnUnknown', label: 'If there is no UPN, why not', options: UPN_UNKNOWN_OPTIONS },
  { kind: 'text', name: 'formerUpn', label: 'Former UPN', hint: 'Only if the child had another UPN before.' },
  { kind: 'checkboxes', name: 'disabilities', label: 'Disabilities', hint: 'Select all that apply, or "No disability".',
    options: DISABILITY_OPTIONS },
];
