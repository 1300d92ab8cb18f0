// The corrections a PATCH sends: only the fields changed from the record (each becomes a history row).

type Json = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `edited` that differ from `original`; a field emptied is sent as null, so that it is cleared. */
export function changes(original: Json, edited: Json, fields: string[]): Json {
  const out: Json = {};
  for (const f of fields) {
    if (!same(original[f], edited[f])) out[f] = edited[f] === undefined ? null : edited[f];
  }
  return out;
}
