import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { KIND_SCHEMAS, type JsonSchema } from '../../../../src/core/documents/file/trunk-schemas';
import { isValidTrunkValue, validateTrunkValue } from '../../../../src/core/documents/validate/trunk-validator';
import { generateTrunkFile } from '../../../fixtures/documents/generate-trunk-file';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileTrunkFileValidator } = require('../../../../scripts/trunk-validator-plugin') as {
  compileTrunkFileValidator(root: string): (value: unknown) => boolean & { errors?: unknown[] };
};

// The validator is generated at build time (ajv standalone); it must report exactly what ajv
// compiling the schemas at run time reports, error for error (hover and the diagnostics read
// each error's parentSchema).

const root = join(__dirname, '../../../../..');
const compiled = compileTrunkFileValidator(root) as unknown as { (value: unknown): boolean; errors?: unknown[] | null };

function runtimeErrors(value: unknown): unknown[] {
  return compiled(value) ? [] : [...(compiled.errors ?? [])];
}

const documents = [
  ...parseAllDocuments(readFileSync(join(root, 'test/fixtures/documents/acme-example.trunk.yaml'), 'utf8')),
  ...parseAllDocuments(generateTrunkFile(12, { account: 'acme-prod' })),
].map((d) => d.toJS() as Record<string, unknown>);

/** Sets `path` in a copy of `value`. */
function setPath(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = setPath(copy[head!], rest, replacement);
  return copy;
}

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

describe('the precompiled trunk-file validator', () => {
  test('accepts the example documents, as ajv does', () => {
    for (const value of documents) {
      assert.deepEqual(validateTrunkValue(value), []);
      assert.deepEqual(runtimeErrors(value), []);
    }
  });

  test('reports the same errors as ajv compiling the schemas, for any change to a document', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: documents.length - 1 }),
        fc.nat(),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('TwilioTrunk', 'CarrierXTrunkGroup', 'sip:x', 'http://x', '+1415', -1, 65536, 1.5, '', 'x'.repeat(70))),
        fc.string({ maxLength: 8 }),
        (which, pick, replacement, extraKey) => {
          const value = documents[which]!;
          const all = paths(value);
          const path = all[pick % all.length]!;
          let changed = setPath(value, path, replacement);
          if (extraKey && changed && typeof changed === 'object' && !Array.isArray(changed)) changed = setPath(changed, ['spec', extraKey], 1);
          assert.deepEqual(validateTrunkValue(changed), runtimeErrors(changed));
        },
      ),
      { numRuns: 500 },
    );
  });

  test("errors point at the bundled schema objects themselves (lookups by schema identity work)", () => {
    const [error] = validateTrunkValue({ apiVersion: 'trunkline/v1', kind: 'TwilioTrunk', account: 'a', spec: { date_created: 'x' } });
    assert.equal(error?.keyword, 'additionalProperties');
    assert.equal(error?.parentSchema, (KIND_SCHEMAS.TwilioTrunk.definitions as Record<string, JsonSchema>).spec);
  });
});

describe('the precompiled trunk-file check (yes/no, for documents read without yaml)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileTrunkFileCheck } = require('../../../../scripts/trunk-validator-plugin') as { compileTrunkFileCheck(root: string): (value: unknown) => boolean };
  const runtimeCheck = compileTrunkFileCheck(root);

  test('gives the full validator’s verdict, and ajv’s, for any change to a document', () => {
    for (const value of documents) assert.equal(isValidTrunkValue(value), true);
    fc.assert(
      fc.property(
        fc.nat({ max: documents.length - 1 }),
        fc.nat(),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('TwilioTrunk', 'CarrierXTrunkGroup', 'sip:x', 'http://x', '+1415', -1, 65536, 1.5, '', 'x'.repeat(70))),
        fc.string({ maxLength: 8 }),
        (which, pick, replacement, extraKey) => {
          const value = documents[which]!;
          const all = paths(value);
          let changed = setPath(value, all[pick % all.length]!, replacement);
          if (extraKey && changed && typeof changed === 'object' && !Array.isArray(changed)) changed = setPath(changed, ['spec', extraKey], 1);
          const valid = validateTrunkValue(changed).length === 0;
          assert.equal(isValidTrunkValue(changed), valid);
          assert.equal(runtimeCheck(changed), valid);
        },
      ),
      { numRuns: 500 },
    );
  });
});
