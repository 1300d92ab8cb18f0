import axe from 'axe-core';

/**
 * axe's rules that jsdom can judge (structure, names, roles, ids, labels; not colour contrast,
 * which needs layout: the browser journey checks that), on a rendered page. Returns the violations.
 */
export async function axeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
