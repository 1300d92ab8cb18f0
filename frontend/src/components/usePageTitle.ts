import { useEffect } from 'react';

/** Every page has its own title (WCAG 2.4.2), read first by screen readers on navigation. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Casepath`;
  }, [title]);
}
