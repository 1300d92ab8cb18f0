// Reading and writing a form's JSON by the API's field paths, e.g. "familyMeeting.offeredTo[1]".

type Json = Record<string, unknown>;

function parts(path: string): (string | number)[] {
  return path.split(/\.|\[(\d+)]/).filter((p) => p !== undefined && p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function get(value: unknown, path: string): unknown {
  return parts(path).reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<string | number, unknown>)[k]), value);
}

export function set(value: Json, path: string, next: unknown): Json {
  const keys = parts(path);
  const write = (node: unknown, i: number): unknown => {
    const key = keys[i];
    const container: Record<string | number, unknown> | unknown[] =
      Array.isArray(node) ? [...node] : node && typeof node === 'object' ? { ...(node as Json) } : typeof key === 'number' ? [] : {};
    const child = i === keys.length - 1 ? next : write((container as Record<string | number, unknown>)[key], i + 1);
    if (child === undefined && !Array.isArray(container)) delete (container as Json)[key as string];
    else (container as Record<string | number, unknown>)[key] = child;
    return container;
  };
  return write(value, 0) as Json;
}
