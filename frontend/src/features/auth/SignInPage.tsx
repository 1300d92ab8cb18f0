import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../lib/api';
import { useSession } from './session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';

export function SignInPage() {
  usePageTitle('Sign in');
  const { refresh } = useSession();
  const navigate = useNavigate();
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
      setError(e instanceof ApiError && e.status === 401 ? 'Enter a correct username and password' : 'Sign-in failed; try again');
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        {error && <ErrorSummary errors={[{ field: 'username', message: error }]} />}
        <h1 className="govuk-heading-l">Sign in to Casepath</h1>
        <form onSubmit={submit} noValidate>
          <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
            <label className="govuk-label" htmlFor="username">Username</label>
            <input className="govuk-input" id="username" name="username" autoComplete="username" spellCheck={false}
                   value={username} onChange={(e) => setUsername(e.target.value)} />
          </div>
          <div className={'govuk-form-group' + (error ? ' govuk-form-group--error' : '')}>
            <label className="govuk-label" htmlFor="password">Password</label>
            <input className="govuk-input" id="password" name="password" type="password" autoComplete="current-password"
                   value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">Sign in</button>
        </form>
      </div>
    </div>
  );
}
