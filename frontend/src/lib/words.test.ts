import { describe, expect, it } from 'vitest';
import { FORMS } from '../features/forms/specs';
import type { Field } from '../features/forms/fields';
import { CATEGORIES, choices, choiceWord, SOURCE_OPTIONS, STAGES } from './words';

// The forms' options and the back end's chronology read the same words.json (see words.ts); these
// check that the forms really are built from it and that nothing offers a code as its own words.
const choiceFields = (fields: Field[]): Field[] => fields.flatMap((f) => {
  const nested = (f as { fields?: Field[] }).fields;
  return nested ? choiceFields(nested) : (f.kind === 'choice' || f.kind === 'select') ? [f] : [];
});

describe('words', () => {
  it('gives every option of every form words of its own', () => {
    for (const [task, fields] of Object.entries(FORMS)) {
      for (const f of choiceFields(fields)) {
        const options = (f as { options: [string, string][] }).options;
        expect(options.length, `${task}.${(f as { name: string }).name}`).toBeGreaterThan(0);
        for (const [code, text] of options) expect(text, `${task} ${code}`).not.toBe(code);
      }
    }
  });

  it('builds the forms from words.json, in its order', () => {
    const decision = choiceFields(FORMS.holdInitialConference).find((f) => (f as { name: string }).name === 'decision');
    expect((decision as { options: unknown }).options).toEqual(choices('holdInitialConference', 'decision'));
    expect(choices('holdInitialConference', 'decision')[0]).toEqual(['CP_PLAN', 'Child protection plan']);
    expect(SOURCE_OPTIONS.map(([code]) => code).slice(0, 2)).toEqual(['1A', '1B']);
    expect(SOURCE_OPTIONS.at(-1)).toEqual(['10', '10 Unknown']);
    expect(CATEGORIES.NEG).toBe('Neglect');
    expect(Object.keys(STAGES)).toHaveLength(9);
  });

  it('never answers a code with the code', () => {
    expect(choiceWord('completeAssessment', 'recommendation', 'CIN_PLAN')).toBe('Child in Need plan');
    expect(choiceWord('completeAssessment', 'recommendation', 'SOMETHING_ELSE')).toBe('Not recorded');
    expect(() => choices('noSuchTask', 'decision')).toThrow();
  });
});

describe('the words of notes and the chronology', () => {
  it('words every note kind and every kind the chronology records, never the code', async () => {
    const { chronologyKind, NOTE_KIND_OPTIONS, TASKS } = await import('./words');
    const { NOTE_KIND_CODES } = await import('./types');
    expect(NOTE_KIND_OPTIONS.map(([code]) => code)).toEqual([...NOTE_KIND_CODES]);
    for (const code of [...NOTE_KIND_CODES, ...Object.keys(TASKS), 'CONTACT', 'STAGE', 'STRATEGY_REQUESTED', 'CIN_PLAN_STARTED',
      'STEP_UP', 'CHILD_DETAILS', 'NETWORK_CHECK', 'REMINDER', 'ESCALATION']) {
      expect(chronologyKind(code), code).not.toBe('Other entry');
      expect(chronologyKind(code), code).not.toMatch(/^[A-Z_]+$|[a-z][A-Z]/);
    }
    expect(chronologyKind('HOME_VISIT')).toBe('Home visit');
    expect(chronologyKind('holdInitialConference')).toBe('Initial child protection conference');
    expect(chronologyKind('SOMETHING_NEW')).toBe('Other entry');
    expect(TASKS.completeAction).toBe('Complete an action from management oversight');
    expect(FORMS.completeAction.map((f) => (f as { name: string }).name)).toEqual(['completedOn', 'outcome']);
  });
});
