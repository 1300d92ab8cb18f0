import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, COUNCIL_SIGN_IN } from '../../lib/api';
import { useSession } from './session';
import { ErrorSummary, fieldId } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';

/**
 * Signing in: with the council's account where a provider is configured (roles.md), and with a
 * Casepath password, for everyone where no provider is, and where one is, for local accounts, or
 * in production only the break-glass administrator.
 */
export function SignInPage() {
  usePageTitle('Sign in');
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const options = useQuery({ queryKey: ['sign-in-options'], queryFn: api.signInOptions, staleTime: Infinity });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.login(username, password);
      await refresh();
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401
        ? (e.detail.startsWith('Sign in with your council account') ? e.detail : 'Enter a correct username and password')
        : 'Sign-in failed; try again');
    }
  }

  if (options.isLoading) return <p className="govuk-body">Loading…</p>;
  const council = options.data?.councilAccount ?? false;
  const breakGlassOnly = options.data?.passwordsForBreakGlassOnly ?? false;
  const councilFailed = search.has('failed');
  const providerUnavailable = search.has('unavailable');

  const passwordForm = (
    <form onSubmit={submit} noValidate>
      <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
        <label className="govuk-label" htmlFor={fieldId('username')}>Username</label>
        <input className="govuk-input" id={fieldId('username')} name="username" autoComplete="username" spellCheck={false}
               value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
        <label className="govuk-label" htmlFor={fieldId('password')}>Password</label>
        <input className="govuk-input" id={fieldId('password')} name="password" type="password" autoComplete="current-password"
               value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" className={'govuk-button' + (council ? ' govuk-button--secondary' : '')} data-module="govuk-button">
        Sign in
      </button>
    </form>
  );

  let passwords: ReactNode = passwordForm;
  if (council && breakGlassOnly) {
    passwords = (
      <details className="govuk-details" open={!!error}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Sign in with a password (break-glass administrator only)</span>
        </summary>
        <div className="govuk-details__text">{passwordForm}</div>
      </details>
    );
  } else if (council) {
    passwords = (
      <>
        <h2 className="govuk-heading-m">Or sign in with a Casepath password</h2>
        <p className="govuk-body">For accounts kept in Casepath itself rather than by the council.</p>
        {passwordForm}
      </>
    );
  }

  const errors = [
    ...(councilFailed && !error ? [{ field: 'council-sign-in',
      message: 'Signing in with your council account did not finish. Try again' }] : []),
    ...(providerUnavailable && !error ? [{ field: 'council-sign-in',
      message: "The council's sign-in service cannot be reached just now. Try again in a few minutes" }] : []),
    ...(error ? [{ field: 'username', message: error }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        {errors.length > 0 && <ErrorSummary errors={errors} describe={(e) => e.message} />}
        <h1 className="govuk-heading-l">Sign in to Casepath</h1>
        {council && (
          <>
            <p className="govuk-body">Use the account you sign in to the council&apos;s computers with.</p>
            <a href={COUNCIL_SIGN_IN} id={fieldId('council-sign-in')} role="button" draggable="false"
               className="govuk-button govuk-button--start" data-module="govuk-button">
              Sign in with your council account
            </a>
          </>
        )}
        {passwords}
      </div>
    </div>
  );
}
