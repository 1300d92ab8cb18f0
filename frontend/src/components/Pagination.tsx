/** GOV.UK pagination: previous / next with the page position. */
export function Pagination({ page, size, total, onPage }: { page: number; size: number; total: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label="Pages">
      {page > 0 && (
        <div className="govuk-pagination__prev">
          <button type="button" className="govuk-link govuk-pagination__link casepath-link-button" onClick={() => onPage(page - 1)}>
            <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
          </button>
        </div>
      )}
      <p className="govuk-body govuk-!-margin-bottom-0">Page {page + 1} of {pages}</p>
      {page + 1 < pages && (
        <div className="govuk-pagination__next">
          <button type="button" className="govuk-link govuk-pagination__link casepath-link-button" onClick={() => onPage(page + 1)}>
            <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
          </button>
        </div>
      )}
    </nav>
  );
}
