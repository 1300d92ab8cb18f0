import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';

export interface Tab { id: string; label: string; to: string }

/**
 * GOV.UK tabs whose selected tab is the page's address (a link or a refresh keeps it): each tab a link with
 * role="tab", the arrow keys (and Home and End) moving to and opening the next one, as GOV.UK Frontend's own
 * tabs do. Below tablet width GOV.UK's styles show the tabs as a list of links above the panel.
 */
export function Tabs({ tabs, selected, label, children }: { tabs: Tab[]; selected: string; label: string; children: ReactNode }) {
  const navigate = useNavigate();
  const refs = useRef<Record<string, HTMLAnchorElement | null>>({});
  const index = Math.max(0, tabs.findIndex((t) => t.id === selected));

  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1,
      Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    navigate(next.to);
    refs.current[next.id]?.focus();
  }

  return (
    <div className="govuk-tabs casepath-tabs">
      <h2 className="govuk-tabs__title">{label}</h2>
      <ul className="govuk-tabs__list" role="tablist" aria-label={label}>
        {tabs.map((t) => {
          const on = t.id === tabs[index].id;
          return (
            <li key={t.id} className={'govuk-tabs__list-item' + (on ? ' govuk-tabs__list-item--selected' : '')} role="presentation">
              <Link className="govuk-tabs__tab" to={t.to} id={`tab-${t.id}`} role="tab" aria-selected={on}
                    aria-controls={on ? `panel-${t.id}` : undefined} tabIndex={on ? 0 : -1} onKeyDown={onKeyDown}
                    ref={(el) => { refs.current[t.id] = el; }}>
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="govuk-tabs__panel" id={`panel-${tabs[index].id}`} role="tabpanel" aria-labelledby={`tab-${tabs[index].id}`}>
        {children}
      </div>
    </div>
  );
}
