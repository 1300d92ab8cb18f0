/** GOV.UK's success notification banner: what the person just did, said once at the top of the page they land on. */
export function SuccessBanner({ text }: { text: string }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="done-title">
      <div className="govuk-notification-banner__header"><h2 className="govuk-notification-banner__title" id="done-title">Success</h2></div>
      <div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{text}</p></div>
    </div>
  );
}
