import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyPlan } from '../../../../../src/core/documents/apply/apply-plan';
import { secretRequestsOf } from '../../../../../src/core/documents/apply/secret-requests';
import { TRUNK_KINDS, type TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';
import type { JsonSchema } from '../../../../../src/core/documents/file/trunk-schemas';
import { documentKind, documentKinds } from '../../../../../src/core/documents/kinds/document-kinds';
import { planDocument } from '../../../../../src/core/documents/plan/plan-documents';
import type { RemoteState } from '../../../../../src/core/documents/plan/remote-state';
import { renderDocument } from '../../../../../src/core/documents/render/render-document';
import { remoteFingerprint } from '../../../../../src/core/documents/sync/remote-fingerprint';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

// The registry of document kinds is complete: every kind the file format names has a
// descriptor, and each descriptor does every job the provider-neutral code asks of it, against
// the emulator (which makes resources as the provider does). A kind added with a missing or
// inconsistent piece fails here, not in a user's push.

const SCHEMAS_DIR = path.resolve(__dirname, '../../../../../../schemas');
const schemaFile = (file: string): JsonSchema => JSON.parse(readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')) as JsonSchema;

/** One full document per kind: what the round trip creates (each descriptor's `examples.full`). */
const SAMPLE_SPECS: Readonly<Record<TrunkKind, Readonly<Record<string, unknown>>>> = Object.fromEntries(TRUNK_KINDS.map((kind) => [kind, documentKind(kind).examples.full])) as Record<TrunkKind, Readonly<Record<string, unknown>>>;

/**
 * Response fields the provider returns only on request, so the emulator's default answers (like
 * the provider's) lack them: CarrierX adds `partner` only with_related=true. (Twilio's
 * symmetric_rtp_enabled, in the current schema, is returned on every trunk.)
 */
const RETURNED_ONLY_ON_REQUEST: Readonly<Partial<Record<TrunkKind, readonly string[]>>> = {
  CarrierXTrunkGroup: ['partner'],
};

const CAPABILITIES = [
  'identity.sidOf',
  'identity.nameOf',
  'fetch.bySid',
  'fetch.lookupNew',
  'fetch.bulk',
  'plan.plan',
  'render.source',
  'sync.dateUpdated',
  'sync.unfetchedKeys',
  'export.targets',
  'export.baseName',
  'export.omissions',
] as const;

function at(object: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}

function specProperties(kind: TrunkKind): Record<string, JsonSchema> {
  return documentKind(kind).schema.definitions?.spec?.properties ?? {};
}

describe('document kinds registry', () => {
  it('has a descriptor for every kind of the file format, and no other', () => {
    assert.deepEqual(
      documentKinds().map((d) => d.kind),
      [...TRUNK_KINDS],
    );
    for (const kind of TRUNK_KINDS) assert.equal(documentKind(kind).kind, kind);
    const fileSchema = schemaFile('trunk-file.schema.json');
    assert.deepEqual(fileSchema.properties?.kind?.enum, [...TRUNK_KINDS], 'trunk-file.schema.json lists the same kinds');
  });

  for (const kind of TRUNK_KINDS) {
    describe(kind, () => {
      const d = documentKind(kind);

      it('has every capability, a provider, a title and operations', () => {
        for (const capability of CAPABILITIES) assert.equal(typeof at(d, capability), 'function', `${kind} lacks ${capability}`);
        assert.ok(['twilio', 'carrierx'].includes(d.provider), `${kind}: unknown provider ${d.provider}`);
        assert.ok(d.title.trim() !== '' && d.noun.trim() !== '', `${kind} needs a title and a noun for messages`);
        assert.ok(Object.keys(d.operations).length > 0, `${kind} has no operations`);
        assert.equal(typeof d.fetch.listsForNew, 'boolean');
        assert.equal(typeof d.plan.usesNumberIndex, 'boolean');
      });

      it('holds the schema in schemas/ for this kind', () => {
        assert.deepEqual(d.schema, schemaFile(d.schemaFile));
        assert.equal(d.schema.properties?.kind?.const, kind);
        assert.ok(d.schema.definitions?.spec?.properties, `${d.schemaFile} has no definitions.spec`);
        const refs: string[] = JSON.stringify(schemaFile('trunk-file.schema.json')).match(/"\$ref":"[^"]*"/g) ?? [];
        assert.ok(refs.includes(`"$ref":"${d.schemaFile}"`), `trunk-file.schema.json does not refer to ${d.schemaFile}`);
      });

      it("names each of the schema's spec properties exactly once: sent, a sub-resource, or shown read-only", () => {
        const named = [...d.fields.writable, ...d.fields.subResources, ...d.fields.readOnlyShown];
        assert.equal(new Set(named).size, named.length, `${kind}: a field is named twice in ${JSON.stringify(named)}`);
        assert.deepEqual([...named].sort(), Object.keys(specProperties(kind)).sort());
        for (const key of d.fields.readOnlyShown) assert.equal(specProperties(kind)[key]?.readOnly, true, `${kind}: ${key} is shown read-only but the schema lets a file set it`);
        for (const key of d.fields.exactSets) {
          assert.ok(d.fields.subResources.includes(key), `${kind}: exact set ${key} is not a sub-resource`);
          assert.equal(specProperties(kind)[key]?.type, 'array', `${kind}: exact set ${key} is not a list in the schema`);
        }
      });

      it('keeps response-only fields out of what a file may set, per schema definition', () => {
        for (const [definition, fields] of Object.entries(d.fields.responseOnly)) {
          const properties = d.schema.definitions?.[definition]?.properties;
          assert.ok(properties, `${kind}: responseOnly names definitions.${definition}, which ${d.schemaFile} lacks`);
          for (const field of fields) assert.ok(!(field in properties) || properties[field]!.readOnly === true, `${kind}: ${field} is response-only, yet ${definition} lets a file set it`);
        }
      });

      it('claims and rules name lists and keys of its spec', () => {
        for (const claim of d.claims) {
          const property = specProperties(kind)[claim.field];
          assert.ok(property, `${kind}: claim on unknown field ${claim.field}`);
          assert.equal(property.type === 'array', claim.list, `${kind}: claim ${claim.field} list flag does not match the schema`);
        }
        for (const rule of d.rules) assert.equal(specProperties(kind)[rule.list]?.type, 'array', `${kind}: rule on ${rule.list}, not a list`);
      });
    });
  }

  it('gives each operation type to one kind only', () => {
    const owner = new Map<string, TrunkKind>();
    for (const d of documentKinds()) {
      for (const type of Object.keys(d.operations)) {
        assert.ok(!owner.has(type), `${type} is an operation of ${owner.get(type)} and ${d.kind}`);
        owner.set(type, d.kind);
      }
    }
  });
});

describe('document kinds against the emulator', () => {
  let h: SyncHarness;
  const created = new Map<TrunkKind, { sid: string; state: RemoteState }>();
  const uri = 'file:///kinds.trunk.yaml';

  before(async () => {
    h = await startSyncHarness();
    await h.buyNumbers('+14155550171');
    // Each kind's sample is created the way Push creates it: planned, then its operations applied.
    for (const kind of TRUNK_KINDS) {
      const outcome = await planDocument(uri, validDocument(documentText(kind, SAMPLE_SPECS[kind])), h.clients);
      assert.equal(outcome.status, 'planned', `${kind}: ${JSON.stringify(outcome)}`);
      if (outcome.status !== 'planned') return;
      // A kind whose creates need a secret (a credential's password) gets one, as Push would ask for it.
      const secrets = new Map(secretRequestsOf([outcome.plan]).map((r) => [r.key, 'Kinds-Password-2024']));
      const result = await applyPlan(outcome.plan, h.clients, { secrets });
      assert.equal(result.status, 'applied', `${kind}: ${result.message}`);
      const state = await documentKind(kind).fetch.bySid('sandbox', result.sid!, h.clients, {});
      created.set(kind, { sid: result.sid!, state });
    }
  });
  after(async () => h?.close());

  const createdOf = (kind: TrunkKind) => {
    const c = created.get(kind);
    assert.ok(c, `${kind} was not created`);
    return c;
  };

  for (const kind of TRUNK_KINDS) {
    describe(kind, () => {
      it('has a sid pattern (and a schema pattern) that takes the sid the provider made, and refuses the other kinds\' sids', () => {
        const d = documentKind(kind);
        const schemaPattern = new RegExp(d.schema.properties?.sid?.pattern ?? '(?!)');
        for (const other of TRUNK_KINDS) {
          const { sid } = createdOf(other);
          assert.equal(d.identity.sidPattern.test(sid), other === kind, `${kind}'s sid pattern and a ${other} sid ${sid}`);
          assert.equal(schemaPattern.test(sid), other === kind, `${kind}'s schema sid pattern and a ${other} sid ${sid}`);
        }
      });

      it('fetches by sid what it created, and knows the sid and name of it', () => {
        const { sid, state } = createdOf(kind);
        const d = documentKind(kind);
        assert.equal(state.kind, kind);
        assert.equal(state.sid, sid);
        assert.equal(d.identity.sidOf(state.remote as never), sid);
        assert.equal(d.identity.nameOf(SAMPLE_SPECS[kind]), d.identity.nameOf(d.render.source(state.remote as never) as Record<string, unknown>));
      });

      it('renders a valid document that plans in sync with the remote', async () => {
        const { sid, state } = createdOf(kind);
        const text = renderDocument(kind, 'sandbox', state.remote as never);
        const outcome = await planDocument(uri, validDocument(text), h.clients);
        assert.equal(outcome.status, 'planned', JSON.stringify(outcome));
        if (outcome.status === 'planned') {
          assert.equal(outcome.plan.sid, sid);
          assert.deepEqual(outcome.plan.operations, [], `${kind}: a rendered document plans changes`);
        }
      });

      it('reads back every response-only field from the API', () => {
        const { state } = createdOf(kind);
        const d = documentKind(kind);
        const source = d.render.source(state.remote as never) as Record<string, unknown>;
        for (const [definition, fields] of Object.entries(d.fields.responseOnly)) {
          let objects: unknown[] = [source];
          if (definition !== 'spec') {
            const list = Object.entries(specProperties(kind)).find(([, p]) => p.items?.$ref === `#/definitions/${definition}`)?.[0];
            assert.ok(list, `${kind}: no spec list holds definitions.${definition}`);
            objects = source[list] as unknown[];
            assert.ok(Array.isArray(objects) && objects.length > 0, `${kind}: the sample has no ${list} to check ${definition} against`);
          }
          const onRequest = definition === 'spec' ? (RETURNED_ONLY_ON_REQUEST[kind] ?? []) : [];
          for (const object of objects) {
            for (const field of fields) {
              if (onRequest.includes(field)) assert.ok(!(field in (object as object)), `${kind}: ${field} is returned now: take it off RETURNED_ONLY_ON_REQUEST`);
              else assert.ok(field in (object as object), `${kind}: ${definition}.${field} is response-only but the API does not return it`);
            }
          }
        }
      });

      it('fingerprints its tracked keys and lists its resource for Export', async () => {
        const { sid, state } = createdOf(kind);
        const d = documentKind(kind);
        const fingerprint = remoteFingerprint(state);
        for (const key of d.sync.trackedKeys) assert.ok(key in fingerprint.fields, `${kind}: tracked key ${key} not fingerprinted`);
        const targets = await d.export.targets('sandbox', h.clients, new AbortController().signal);
        // The Sandbox always has a few termination lists: a referable kind exports every one it lists.
        const listed = d.referable ? (await d.referable.list('sandbox', h.clients, undefined)).map((r) => r.sid) : [sid];
        assert.ok(listed.includes(sid), `${kind}: ${sid} is not listed`);
        assert.deepEqual(
          targets.map((t) => [t.kind, t.sid]),
          listed.map((s) => [kind, s]),
        );
        assert.ok(d.export.baseName(state as never).trim() !== '');
        assert.deepEqual(d.export.omissions(state as never), []);
      });

      it('looks a new document up the way a lost create is found: by unique key, else by name', async () => {
        const { sid } = createdOf(kind);
        const d = documentKind(kind);
        const target = { kind, account: 'sandbox', sid: undefined, spec: SAMPLE_SPECS[kind] } as never;
        const lookup = await d.fetch.lookupNew(target, h.clients, {});
        assert.equal(lookup.status, 'new');
        if (lookup.status !== 'new') return;
        if (d.identity.uniqueKey) assert.equal(lookup.adopt?.sid, sid, `${kind}: the resource owning ${d.identity.uniqueKey.field} is not found`);
        else assert.deepEqual(lookup.sameName.map((r) => r.sid), [sid]);
        const [found, unknown] = await d.fetch.bulk('sandbox', [{ ...(target as object), sid } as never, target], h.clients, {}, new Map());
        assert.equal(found?.status === 'found' && found.state.sid, sid, `${kind}: bulk fetch misses ${sid}`);
        assert.equal(unknown?.status, 'new');
      });
    });
  }
});
