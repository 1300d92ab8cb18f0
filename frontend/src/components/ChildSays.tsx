import { Link } from 'react-router';
import type { ChildSays as Says } from '../lib/types';
import { date } from '../lib/words';

const HOUSES = [
  ['worries', 'House of worries'], ['goodThings', 'House of good things'], ['dreams', 'House of dreams'],
] as const;

/**
 * "What the child says": the latest Three Houses and wishes and feelings, in the child's own words, with when
 * they were recorded. `level` is the heading level of its own heading; `compact` is the inset beside a form.
 */
export function ChildSays({ says, level = 2, compact = false }: { says: Says | null | undefined; level?: 2 | 3; compact?: boolean }) {
  const H = `h${level}` as 'h2' | 'h3';
  const Sub = `h${level + 1}` as 'h3' | 'h4';
  const houses = says?.threeHouses;
  const wishes = says?.wishesAndFeelings;
  const body = (
    <>
      <H className={compact ? 'govuk-heading-s' : 'govuk-heading-m'}>What the child says</H>
      {!houses && !wishes && <p className="govuk-body">Nothing recorded yet. Record direct work with the child as a note.</p>}
      {houses && (
        <>
          <p className="govuk-body-s govuk-!-margin-bottom-2">
            Three Houses, {date(houses.recordedOn)}{' '}
            <Link className="govuk-link" to={`/notes/${houses.noteId}`}>(the note<span className="govuk-visually-hidden">
              {' '}of the Three Houses, {date(houses.recordedOn)}</span>)</Link>
          </p>
          <div className={compact ? '' : 'casepath-columns'}>
            {HOUSES.map(([key, title]) => (
              <div key={key}>
                <Sub className="govuk-heading-s govuk-!-margin-bottom-1">{title}</Sub>
                {houses[key].length === 0 ? <p className="govuk-body-s">Nothing said.</p> : (
                  <ul className="govuk-list govuk-list--bullet casepath-childs-words">
                    {houses[key].map((t, i) => <li key={i}>“{t}”</li>)}
                  </ul>
                )}
              </div>
            ))}
          </div>
        </>
      )}
      {wishes && (
        <>
          <Sub className="govuk-heading-s govuk-!-margin-bottom-1">Wishes and feelings</Sub>
          <p className="govuk-body casepath-childs-words casepath-prewrap">“{wishes.text}”</p>
          <p className="govuk-body-s">
            Recorded {date(wishes.recordedOn)}{' '}
            <Link className="govuk-link" to={`/notes/${wishes.noteId}`}>(the note<span className="govuk-visually-hidden">
              {' '}of the wishes and feelings</span>)</Link>
          </p>
        </>
      )}
    </>
  );
  return compact ? <aside className="govuk-inset-text" aria-label="What the child says">{body}</aside>
    : <div>{body}</div>;
}
