import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { CHRONOLOGY_KIND_OPTIONS, chronologyKind, date, dateTime } from '../../lib/words';
import { today } from './milestones';
import { KindFilter } from '../../components/KindFilter';

/** The chronology, oldest first, filtered by kind or to its significant events (as a court or an audit asks), printable. */
export function ChronologyTab({ caseId }: { caseId: string }) {
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const significant = params.get('significant') === 'true';
  const entries = useQuery({
    queryKey: ['chronology', caseId, kind, significant],
    queryFn: () => api.chronology(caseId, { kind: kind || undefined, significant: significant || undefined }),
  });
  const update = (key: string, value: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }, { replace: true });

  return (
    <>
      <h2 className="govuk-heading-m">Chronology{significant ? ': significant events' : ''}</h2>
      <p className="govuk-body-s casepath-print-only">
        Printed {date(today())}{kind ? `; ${chronologyKind(kind)} only` : ''}{significant ? '; significant events only' : ''}.
      </p>
      <KindFilter id="chronology" label="Filter the chronology" kind={kind} significant={significant}
                  options={CHRONOLOGY_KIND_OPTIONS} update={update} className="casepath-no-print">
        <div className="govuk-form-group">
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </KindFilter>
      {entries.isLoading && <p className="govuk-body">Loading…</p>}
      {entries.data && entries.data.length === 0 && <p className="govuk-body">Nothing to show.</p>}
      {entries.data && entries.data.length > 0 && (
        <ol className="govuk-list casepath-chronology">
          {entries.data.map((e, i) => (
            <li key={i} className="casepath-chronology__entry">
              <span className="govuk-body-s govuk-!-font-weight-bold casepath-block govuk-!-margin-bottom-0">
                {dateTime(e.occurredAt)} · {chronologyKind(e.kind)}
                {e.significant && <> <strong className="govuk-tag govuk-tag--purple">Significant</strong></>}
              </span>
              <span className="govuk-body casepath-prewrap">{e.summary}</span>
              {e.actor && <span className="govuk-body-s"> – {e.actor}</span>}
              {e.noteId && <> <Link className="govuk-link govuk-body-s casepath-no-print" to={`/notes/${e.noteId}`}>
                Read the note<span className="govuk-visually-hidden"> of {dateTime(e.occurredAt)}</span></Link></>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
