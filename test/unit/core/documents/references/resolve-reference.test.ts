import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountReferences } from '../../../../../src/core/documents/references/account-references';
import type { ReferableDocument } from '../../../../../src/core/documents/references/document-reference';
import { referenceOrder } from '../../../../../src/core/documents/references/reference-order';
import { referenceProblem } from '../../../../../src/core/documents/references/spec-references';

// Name resolution and ordering of references, without the provider: the account's resources
// and the workspace's documents are given as the plan would have listed them.

const KIND = 'TwilioByocTrunk';
const SID_A = `BY${'a'.repeat(32)}`;
const SID_B = `BY${'b'.repeat(32)}`;
const SID_C = `BY${'c'.repeat(32)}`;

const doc = (uri: string, name: string, sid?: string, account = 'acme'): ReferableDocument => ({ uri, index: 0, kind: KIND, account, sid, name, spec: { friendly_name: name } });

describe('reference resolution', () => {
  const remote = new Map([
    [
      KIND,
      [
        { sid: SID_A, name: 'office' },
        { sid: SID_B, name: 'twins' },
        { sid: SID_C, name: 'twins' },
      ],
    ],
  ] as const);

  it('takes a sid as it is, with the document that defines it', () => {
    const refs = new AccountReferences('acme', remote, [doc('file:///a.trunk.yaml', 'office', SID_A)]);
    const r = refs.resolve(KIND, SID_A);
    assert.equal(r.status, 'resolved');
    if (r.status === 'resolved') {
      assert.equal(r.reference.sid, SID_A);
      assert.deepEqual(r.reference.document, { uri: 'file:///a.trunk.yaml', index: 0 });
    }
  });

  it("resolves a name among the account's resources", () => {
    const r = new AccountReferences('acme', remote, []).resolve(KIND, 'office');
    assert.deepEqual(r, { status: 'resolved', reference: { kind: KIND, value: 'office', sid: SID_A, name: 'office', document: undefined } });
  });

  it('resolves a name to a document not created yet: no sid, its document', () => {
    const r = new AccountReferences('acme', remote, [doc('file:///new.trunk.yaml', 'lab')]).resolve(KIND, 'lab');
    assert.equal(r.status, 'resolved');
    if (r.status === 'resolved') {
      assert.equal(r.reference.sid, undefined);
      assert.deepEqual(r.reference.document, { uri: 'file:///new.trunk.yaml', index: 0 });
    }
  });

  it("gives a document's name precedence over the account's for the same sid (the file renames it)", () => {
    const refs = new AccountReferences('acme', remote, [doc('file:///a.trunk.yaml', 'head office', SID_A)]);
    assert.equal(refs.resolve(KIND, 'head office').status, 'resolved');
    assert.equal(refs.resolve(KIND, 'office').status, 'unknown');
  });

  it('ignores documents of other accounts', () => {
    const r = new AccountReferences('acme', new Map(), [doc('file:///x.trunk.yaml', 'lab', undefined, 'other')]).resolve(KIND, 'lab');
    assert.equal(r.status, 'unknown');
  });

  it('is ambiguous when two resources have the name, and names both', () => {
    const r = new AccountReferences('acme', remote, []).resolve(KIND, 'twins');
    assert.equal(r.status, 'ambiguous');
    if (r.status !== 'ambiguous') return;
    assert.deepEqual(r.candidates.map((c) => c.sid).sort(), [SID_B, SID_C]);
    const message = referenceProblem(r, 'acme');
    assert.match(message, new RegExp(`"twins" names 2 BYOC trunks: .*${SID_B}.*${SID_C}.*Write the sid of the one you mean`));
  });

  it('is ambiguous when a new document takes the name of an account resource', () => {
    const r = new AccountReferences('acme', remote, [doc('file:///n.trunk.yaml', 'office')]).resolve(KIND, 'office');
    assert.equal(r.status, 'ambiguous');
    if (r.status === 'ambiguous') assert.match(referenceProblem(r, 'acme'), /file:\/\/\/n\.trunk\.yaml document 1 \(not created yet\)/);
  });

  it('is unknown otherwise, and the message lists the names there are', () => {
    const r = new AccountReferences('acme', remote, [doc('file:///new.trunk.yaml', 'lab')]).resolve(KIND, 'ofice');
    assert.equal(r.status, 'unknown');
    if (r.status === 'unknown') {
      assert.deepEqual(r.names, ['lab', 'office', 'twins']);
      assert.match(referenceProblem(r, 'acme'), /^No BYOC trunk named "ofice" in account acme or in the workspace's trunk files \(there are "lab", "office", "twins"\)\./);
    }
  });
});

describe('reference order', () => {
  const key = (uri: string) => ({ uri, index: 0 });
  it('puts each item after those it names, otherwise keeping the input order', () => {
    const items = [
      { uri: 'trunk', deps: ['acl', 'creds'] },
      { uri: 'other', deps: [] },
      { uri: 'creds', deps: [] },
      { uri: 'acl', deps: [] },
    ];
    const { ordered, cycles } = referenceOrder(items, (i) => key(i.uri), (i) => i.deps.map(key));
    assert.deepEqual(
      ordered.map((i) => i.uri),
      ['other', 'creds', 'acl', 'trunk'],
    );
    assert.deepEqual(cycles, []);
  });

  it('ignores names of documents outside the set', () => {
    const { ordered } = referenceOrder([{ uri: 'trunk', deps: ['elsewhere'] }], (i) => key(i.uri), (i) => i.deps.map(key));
    assert.deepEqual(
      ordered.map((i) => i.uri),
      ['trunk'],
    );
  });

  it('reports a cycle with its path, and orders what does not depend on it', () => {
    const items = [
      { uri: 'a', deps: ['b'] },
      { uri: 'b', deps: ['a'] },
      { uri: 'c', deps: [] },
    ];
    const { ordered, cycles } = referenceOrder(items, (i) => key(i.uri), (i) => i.deps.map(key));
    assert.deepEqual(
      ordered.map((i) => i.uri),
      ['c'],
    );
    assert.deepEqual(
      cycles.map((c) => [c.item.uri, c.cycle.map((k) => k.uri)]),
      [
        ['a', ['a', 'b', 'a']],
        ['b', ['b', 'a', 'b']],
      ],
    );
  });
});
