import { Link } from 'react-router';
import { COUNCIL_SIGN_IN } from '../../lib/api';
import { usePageTitle } from '../../components/usePageTitle';

/** A council account that signed in at the provider but is in none of Casepath's groups (roles.md). */
export function SignInRefusedPage() {
  usePageTitle('You cannot use Casepath with this account');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You cannot use Casepath with this account</h1>
        <p className="govuk-body">
          Your council account signed you in, but it is not in any of Casepath&apos;s groups, so Casepath cannot
          tell which work is yours. Nothing was opened and no record was shown.
        </p>
        <p className="govuk-body">
          Ask your manager to have the council&apos;s IT service desk add your account to the Casepath group for your
          role (for example social workers, the Family Front Door or team managers).
        </p>
        <p className="govuk-body">
          Once you have been added, <a className="govuk-link" href={COUNCIL_SIGN_IN}>sign in with your council account again</a>,
          or go back to <Link className="govuk-link" to="/sign-in">the sign-in page</Link>.
        </p>
      </div>
    </div>
  );
}
