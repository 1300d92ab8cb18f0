import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../lib/api';
import { GROUPS } from '../lib/words';
import { inGroup, useSession } from '../features/auth/session';

export function Layout() {
  const { me, refresh } = useSession();
  const navigate = useNavigate();

  async function signOut() {
    const { continueTo } = await api.logout();
    await refresh();
    // A council account signs out of the provider too: that is another site, so a full navigation.
    if (/^https?:/.test(continueTo)) window.location.assign(continueTo);
    else navigate(continueTo);
  }

  const links: [string, string][] = me
    ? [
        ['/', 'Inbox'],
        ['/cases', 'Cases'],
        ['/people', 'People'],
        ...(inGroup(me, 'front-door', 'front-door-managers', 'early-help', 'social-workers', 'team-managers')
          ? [['/contacts/new', 'Record a contact'] as [string, string]] : []),
        ...(inGroup(me, 'panel') ? [['/panel', 'Entry to Care Panel'] as [string, string]] : []),
        ...(inGroup(me, 'team-managers', 'service-managers') ? [['/dashboard', 'Timeliness'] as [string, string]] : []),
        ...(inGroup(me, 'team-managers', 'service-managers') ? [['/teams', 'Teams'] as [string, string]] : []),
      ]
    : [];

  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link to="/" className="govuk-header__link govuk-header__service-name">Casepath</Link>
          </div>
          {me && (
            <div className="govuk-header__content">
              <nav aria-label="Menu" className="govuk-header__navigation">
                <ul className="govuk-header__navigation-list">
                  {links.map(([to, label]) => (
                    <li key={to} className="govuk-header__navigation-item">
                      <NavLink to={to} end className="govuk-header__link">{label}</NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          )}
        </div>
      </header>
      <div className="govuk-width-container">
        {me && (
          <div className="casepath-user govuk-body-s" aria-label="Signed in">
            <span>Signed in as <strong>{me.displayName}</strong> ({me.username})</span>
            <span> · {me.groups.map((g) => GROUPS[g] ?? g).join(', ')}</span>
            <button type="button" className="govuk-button govuk-button--secondary casepath-sign-out" onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p className="govuk-body-s">Casepath – children's social care. Records here are special category personal data;
            every access is recorded.</p>
        </div>
      </footer>
    </>
  );
}
