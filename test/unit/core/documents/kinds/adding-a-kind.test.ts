import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TRUNK_KINDS, type TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';
import { documentKind } from '../../../../../src/core/documents/kinds/document-kinds';
import { documentText, validDocument } from '../../../../support/sync-harness';

// ARCHITECTURE.md's "Adding a kind": the kind schema is the one place the file format learns of
// a kind. The combined schema's kind list, the generated validator's schemas and TRUNK_KINDS
// follow schemas/ (scripts/trunk-file-schema.js); these tests add a fake kind to a copy of
// schemas/ and check that each of them picks it up.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { kindSchemaFiles, trunkFileSchemaText, writeTrunkFileSchema } = require('../../../../../scripts/trunk-file-schema') as {
  kindSchemaFiles(root?: string): string[];
  trunkFileSchemaText(root?: string): string;
  writeTrunkFileSchema(root?: string): boolean;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileTrunkFileValidator } = require('../../../../../scripts/trunk-validator-plugin') as {
  compileTrunkFileValidator(root: string): ((value: unknown) => boolean) & { errors?: unknown[] | null };
};

const root = join(__dirname, '../../../../../..');

const FAKE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Fake kind',
  type: 'object',
  properties: {
    apiVersion: { const: 'trunkline/v1' },
    kind: { const: 'FakeKind' },
    account: { type: 'string' },
    sid: { type: 'string' },
    spec: { $ref: '#/definitions/spec' },
  },
  definitions: { spec: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } } },
};

function withFakeKind<T>(run: (scratch: string) => T): T {
  const scratch = mkdtempSync(join(tmpdir(), 'trunkline-kind-'));
  try {
    cpSync(join(root, 'schemas'), join(scratch, 'schemas'), { recursive: true });
    writeFileSync(join(scratch, 'schemas', 'fake-kind.schema.json'), JSON.stringify(FAKE_SCHEMA));
    return run(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('adding a kind', () => {
  it('the checked-in trunk-file.schema.json lists exactly the kinds of schemas/ (node esbuild.js regenerates it)', () => {
    assert.equal(readFileSync(join(root, 'schemas', 'trunk-file.schema.json'), 'utf8'), trunkFileSchemaText(root), 'run `node esbuild.js` to regenerate schemas/trunk-file.schema.json');
  });

  it('a new kind schema is added to the combined schema, after the kinds already listed', () => {
    withFakeKind((scratch) => {
      assert.equal(writeTrunkFileSchema(scratch), true);
      const schema = JSON.parse(readFileSync(join(scratch, 'schemas', 'trunk-file.schema.json'), 'utf8')) as {
        properties: { kind: { enum: string[]; description: string } };
        allOf: { if: { properties: { kind: { const: string } } }; then: { $ref: string } }[];
      };
      assert.deepEqual(schema.properties.kind.enum, ['TwilioTrunk', 'TwilioByocTrunk', 'CarrierXTrunkGroup', 'TwilioCredentialList', 'TwilioIpAccessControlList', 'FakeKind']);
      assert.match(schema.properties.kind.description, /`TwilioIpAccessControlList` or `FakeKind`\.$/);
      assert.deepEqual(schema.allOf.at(-1), { if: { properties: { kind: { const: 'FakeKind' } }, required: ['kind'] }, then: { $ref: 'fake-kind.schema.json' } });
      assert.equal(writeTrunkFileSchema(scratch), false, 'a second build leaves it alone');
      assert.deepEqual(kindSchemaFiles(scratch), ['twilio-trunk.schema.json', 'twilio-byoc-trunk.schema.json', 'carrierx-trunk-group.schema.json', 'twilio-credential-list.schema.json', 'twilio-ip-access-control-list.schema.json', 'fake-kind.schema.json']);
    });
  });

  it('the validator built from schemas/ validates the new kind by its own schema', () => {
    withFakeKind((scratch) => {
      writeTrunkFileSchema(scratch);
      const validate = compileTrunkFileValidator(scratch);
      const doc = (spec: unknown) => ({ apiVersion: 'trunkline/v1', kind: 'FakeKind', account: 'sandbox', spec });
      assert.equal(validate(doc({ name: 'fake' })), true);
      assert.equal(validate(doc({ nme: 'fake' })), false, 'the fake kind schema forbids other keys');
    });
  });

  it('a kind schema without a descriptor: the registry says where the descriptor goes', () => {
    assert.throws(() => documentKind('FakeKind' as TrunkKind), /Document kind FakeKind has a schema but no descriptor: add src\/core\/documents\/kinds\/<kind>\.ts and its line in document-kinds\.ts\./);
  });

  for (const kind of TRUNK_KINDS) {
    it(`${kind}: its descriptor's examples are valid documents (New Trunk File's starter, with the default and other names; the round trip's)`, () => {
      const { examples, label } = documentKind(kind);
      assert.ok(label.length > 0, `${kind}: label`);
      for (const naming of [examples.naming, { name: 'Acme east', label: 'acme-east' }]) {
        const text = `apiVersion: trunkline/v1\nkind: ${kind}\naccount: sandbox\nspec:\n${examples.starter(naming)}`;
        assert.equal(documentKind(kind).identity.nameOf(validDocument(text).spec as Record<string, unknown>), naming.name, `${kind}: examples.starter names the resource as the file`);
      }
      validDocument(documentText(kind, examples.full));
    });
  }
});
