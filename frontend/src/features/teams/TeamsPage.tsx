import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/session';
import { managedTeams, serviceWords } from './moving';

/** The teams a manager manages (a service manager: every team), each to its caseload. */
export function TeamsPage() {
  usePageTitle('Teams');
  const { me } = useSession();
  const teams = useQuery({ queryKey: ['teams'], queryFn: api.teams });
  if (teams.isLoading) return <p className="govuk-body">Loading…</p>;
  const mine = managedTeams(me, teams.data ?? []);
  return (
    <>
      <h1 className="govuk-heading-l">Teams</h1>
      <p className="govuk-body"><Link className="govuk-link" to="/teams/unallocated">Unallocated cases</Link>: open cases waiting for a worker, longest first.</p>
      {mine.length === 0 ? <p className="govuk-body">You do not manage a team.</p> : (
        <ul className="govuk-list govuk-list--spaced">
          {mine.map((t) => (
            <li key={t.teamId}>
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/teams/${t.teamId}`}>{t.name}</Link>
              <span className="govuk-body-s"> · {serviceWords(t.service)} · {t.members.length} {t.members.length === 1 ? 'member' : 'members'}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
