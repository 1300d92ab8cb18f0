import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';

export interface Tab { id: string; label: string; to: string }

const TABLET = '(min-width: 40.0625em)';

/** Whether the screen is tablet-wide or more, where GOV.UK's tabs are tabs (below, a list of links). */
function useWide() {
  const [wide, setWide] = useState(() => (typeof window.matchMedia === 'function' ? window.matchMedia(TABLET).matches : true));
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(TABLET);
    const on = () => setWide(media.matches);
    media.addEventListener('change', on);
    return () => media.removeEventListener('change', on);
  }, []);
  return wide;
}

/**
 * GOV.UK tabs whose selected tab is the page's address (a link or a refresh keeps it): each tab a link with
 * role="tab", the arrow keys (and Home and End) moving to and opening the next one, as GOV.UK Frontend's own
 * tabs do. Below tablet width, as GOV.UK Frontend does, they are a plain list of links (the open one marked
 * aria-current) above the panel.
 */
export function Tabs({ tabs, selected, label, children }: { tabs: Tab[]; selected: string; label: string; children: ReactNode }) {
  const navigate = useNavigate();
  const refs = useRef<Record<string, HTMLAnchorElement | null>>({});
  const index = Math.max(0, tabs.findIndex((t) => t.id === selected));
  const wide = useWide();

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
      <ul className="govuk-tabs__list" role={wide ? 'tablist' : undefined} aria-label={wide ? label : undefined}>
        {tabs.map((t) => {
          const on = t.id === tabs[index].id;
          return (
            <li key={t.id} className={'govuk-tabs__list-item' + (on ? ' govuk-tabs__list-item--selected' : '')}
                role={wide ? 'presentation' : undefined}>
              <Link className="govuk-tabs__tab" to={t.to} id={`tab-${t.id}`} ref={(el) => { refs.current[t.id] = el; }}
                    {...(wide ? { role: 'tab', 'aria-selected': on, 'aria-controls': on ? `panel-${t.id}` : undefined,
                      tabIndex: on ? 0 : -1, onKeyDown } : { 'aria-current': on ? 'page' as const : undefined })}>
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="govuk-tabs__panel" id={`panel-${tabs[index].id}`} role={wide ? 'tabpanel' : undefined}
           aria-labelledby={wide ? `tab-${tabs[index].id}` : undefined}>
        {children}
      </div>
    </div>
  );
}
