import { WARNING_TYPES } from '../lib/words';

/** The words of the warning types beside a task in the inbox (casework.md), as red tags. */
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
