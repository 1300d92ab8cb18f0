// @vitest-environment node
// The models as Camunda Modeler judges them: bpmnlint's recommended rules and Modeler's
// compatibility rules for Camunda Platform 7.24, over every model in ../bpmn, on every build.
// Modeler's hints (category info) count too: a missing historyTimeToLive is only a hint there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error bpmnlint ships no types for its Linter and resolver
import { Linter } from 'bpmnlint';
// @ts-expect-error as above
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';

const MODELS = join(__dirname, '..', '..', 'bpmn');
const config = { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-platform-7-24'] };

describe('BPMN models lint clean', () => {
  const files = readdirSync(MODELS).filter((f) => f.endsWith('.bpmn'));

  it('finds the models', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(file, async () => {
      const moddle = new BpmnModdle({ camunda });
      const { rootElement, warnings } = await moddle.fromXML(readFileSync(join(MODELS, file), 'utf8'));
      expect(warnings.map((w: { message: string }) => w.message)).toEqual([]);
      const linter = new Linter({ config, resolver: new NodeResolver() });
      const results: Record<string, { id: string; message: string; category: string }[]> = await linter.lint(rootElement);
      const problems = Object.entries(results).flatMap(([rule, reports]) =>
        reports.map((r) => `${r.category} ${rule}: ${r.id} ${r.message}`));
      expect(problems).toEqual([]);
    });
  }
});
