// The contact's children as the form holds them (children[i]) and as the API takes them: one child
// is `child`, as today; several are `children[]` (casework.md, "Families and siblings").

/** The body of POST /api/contacts from the form's values. */
export function contactBody(values: Record<string, unknown>, now = new Date()): Record<string, unknown> {
  const { receivedOn, receivedTime, children = [], ...contact } =
    values as { receivedOn?: string; receivedTime?: string; children?: Record<string, unknown>[] };
  const when = receivedOn || receivedTime
    ? new Date(`${receivedOn ?? now.toISOString().slice(0, 10)}T${receivedTime ?? '09:00'}`)
    : now;
  const receivedAt = isNaN(when.getTime()) ? 'invalid' : when.toISOString();
  return children.length > 1 ? { ...contact, receivedAt, children } : { ...contact, receivedAt, child: children[0] ?? {} };
}

/** An error's field as the form names it: the single child's `child.firstName` is `children[0].firstName`. */
export function childPaths(field: string): string {
  return field === 'child' || field.startsWith('child.') ? 'children[0]' + field.slice('child'.length) : field;
}
