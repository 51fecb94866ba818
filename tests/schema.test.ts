import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { cli } from './cli-helpers.js';
import { outputCommands } from '../src/cli/commands.js';

const schema = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'extrait.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validateOutput = ajv.compile(schema);
const validateDocument = ajv.getSchema(`${schema.$id}#/$defs/document`)!;

const SAMPLE = 'fixtures/lavrov-washington.txt';

function expectValid(validate: typeof validateOutput, value: unknown): void {
  const ok = validate(value);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
}

describe('every output follows schema/extrait.schema.json', () => {
  for (const command of outputCommands.map((c) => c.name)) {
    it(`${command} -f json`, async () => {
      const r = await cli([command, SAMPLE, 'fixtures/cli/greve.txt', '-f', 'json', '--explain']);
      expect(r.code).toBe(0);
      expectValid(validateOutput, JSON.parse(r.stdout));
    });
  }

  it('analyze -f jsonl: each line is a document', async () => {
    const r = await cli([SAMPLE, 'fixtures/cli/greve.txt', '-f', 'jsonl', '--include-text']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expectValid(validateDocument, JSON.parse(line));
  });

  it('offsets in the JSON point at their text, in code points', async () => {
    const r = await cli(['-f', 'json', '--include-text'], { input: 'Le 👏 du public. « Bravo », a dit Mme Durand.' });
    const doc = JSON.parse(r.stdout).documents[0];
    const codePoints = Array.from(doc.text as string);
    const check = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(check);
      else if (value && typeof value === 'object') {
        const span = value as { start?: unknown; end?: unknown; text?: unknown };
        if (typeof span.start === 'number' && typeof span.end === 'number' && typeof span.text === 'string') {
          expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
        }
        Object.values(value).forEach(check);
      }
    };
    check(doc);
  });
});
