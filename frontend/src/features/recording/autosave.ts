import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';
import type { Note } from '../../lib/types';
import type { Draft } from './draft';

// Autosave of a note being written: the first change creates the DRAFT, then, about three seconds after the
// typing stops, the whole body is saved again. One save at a time, and the newest content is always the last
// saved. Until the server has it, what was typed is kept on this device (localStorage), so a lost connection or
// a session time-out loses nothing; it is saved when the connection comes back and offered again if the form reopens.

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; why: 'offline' | 'signedOut' | 'refused'; detail?: string };

export interface Kept { draft: Draft; at: string; noteId: string | null; caseId: string }

const PREFIX = 'casepath.note.';
/** Where this device keeps a note's unsaved text: by note, or, before the draft exists, by case. */
export const keyFor = (noteId: string | null, caseId: string) => (noteId ? `${PREFIX}${noteId}` : `${PREFIX}new.${caseId}`);

export function readKept(key: string): Kept | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Kept) : null;
  } catch {
    return null;
  }
}

function keep(key: string, kept: Kept) {
  try {
    localStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // A full or disabled store: the server copy is all there is.
  }
}

export function forget(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // as above
  }
}

function failure(e: unknown): SaveStatus {
  if (e instanceof ApiError) {
    if (e.status === 401 || e.status === 403) return { kind: 'failed', why: 'signedOut' };
    if (e.status >= 500) return { kind: 'failed', why: 'offline' };
    return { kind: 'failed', why: 'refused', detail: e.errors.map((x) => `${x.field} ${x.message}`).join('; ') || e.detail || e.title };
  }
  return { kind: 'failed', why: 'offline' };
}

export const AUTOSAVE_DELAY = 3000;
const RETRY = 15_000;

export function useAutosave({ noteId: initialId, caseId, create, save, onCreated, delay = AUTOSAVE_DELAY }: {
  noteId: string | null; caseId: string;
  create: (draft: Draft) => Promise<Note>;
  save: (noteId: string, draft: Draft) => Promise<Note>;
  onCreated?: (note: Note) => void;
  delay?: number;
}) {
  const noteId = useRef(initialId);
  const latest = useRef<Draft | null>(null);
  const version = useRef(0);
  const saved = useRef(0);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);
  const failed = useRef(false);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const calls = useRef({ create, save, onCreated });
  calls.current = { create, save, onCreated };

  const pump = useCallback((): Promise<void> => {
    if (running.current) return running.current;
    running.current = (async () => {
      try {
        // Saves until the newest is saved, unless more typing is under way (its pause will call again).
        while (!stopped.current && version.current !== saved.current && !timer.current) {
          const v = version.current;
          const draft = latest.current!;
          setStatus({ kind: 'saving' });
          try {
            if (noteId.current === null) {
              const note = await calls.current.create(draft);
              noteId.current = note.noteId;
              forget(keyFor(null, caseId));
              calls.current.onCreated?.(note);
            } else {
              await calls.current.save(noteId.current, draft);
            }
            saved.current = v;
            if (v === version.current) forget(keyFor(noteId.current, caseId));
            else keep(keyFor(noteId.current, caseId), { draft: latest.current!, at: new Date().toISOString(), noteId: noteId.current, caseId });
            failed.current = false;
            setStatus({ kind: 'saved', at: new Date() });
          } catch (e) {
            failed.current = true;
            setStatus(failure(e));
            break;
          }
        }
      } finally {
        running.current = null;
      }
    })();
    return running.current;
  }, [caseId]);

  /** The form changed: keep it on this device at once; create the draft at once, or save it after the pause. */
  const change = useCallback((draft: Draft, pause = false) => {
    latest.current = draft;
    version.current++;
    keep(keyFor(noteId.current, caseId), { draft, at: new Date().toISOString(), noteId: noteId.current, caseId });
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // The first change creates the draft at once (unless that has just failed: then it waits for the pause too).
    if (noteId.current === null && !running.current && !failed.current && !pause) {
      void pump();
      return;
    }
    timer.current = setTimeout(() => {
      timer.current = null;
      void pump();
    }, delay);
  }, [caseId, delay, pump]);

  /** Saves now whatever is not yet saved; resolves with the note's id, or rejects if it could not be saved. */
  const flush = useCallback(async (): Promise<string | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await pump();
    if (version.current !== saved.current) await pump();
    if (version.current !== saved.current) throw new Error('not saved');
    return noteId.current;
  }, [pump]);

  /** Stops saving (the draft is being finalised or discarded) once what is under way has finished. */
  const stop = useCallback(async () => {
    stopped.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await running.current;
    forget(keyFor(noteId.current, caseId));
    forget(keyFor(null, caseId));
    return noteId.current;
  }, [caseId]);

  // Back online, back to the tab, or now and then: try again what could not be saved.
  useEffect(() => {
    if (status.kind !== 'failed') return;
    const retry = () => { if (!timer.current) void pump(); };
    window.addEventListener('online', retry);
    window.addEventListener('focus', retry);
    const every = setInterval(retry, RETRY);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('focus', retry);
      clearInterval(every);
    };
  }, [status, pump]);

  // Leaving the form with the typing just paused: save it now rather than wait for the form to reopen.
  useEffect(() => () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
      void pump();
    }
  }, [pump]);

  return { status, change, flush, stop, noteId: () => noteId.current, unsaved: () => version.current !== saved.current };
}
