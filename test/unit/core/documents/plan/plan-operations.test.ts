import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatChange, formatValue, formatValuePair } from '../../../../../src/core/documents/plan/plan-operations';

// "A plan line must never cut two different values down to the same text" (issue 12): the
// preview cuts long values, and a reviewer approving a push reads only what is shown.

const json = (value: unknown): string => (value === undefined ? '(unset)' : JSON.stringify(value));
const RUNS = 400;

/** Values that share a long beginning (or end): what a naive cut renders alike. */
const alikeStrings = fc
  .tuple(fc.string({ minLength: 0, maxLength: 130 }), fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.string({ maxLength: 40 }))
  .map(([head, x, y, tail]) => [head + x + tail, head + y + tail] as const);
const acl = fc.record({
  direction: fc.constantFrom('any', 'inbound', 'outbound'),
  access_control_rules: fc.array(fc.uuid(), { maxLength: 3 }),
  voice_action_true: fc.constantFrom('accept', 'reject403', null),
});
const alikeAclLists = fc.tuple(fc.array(acl, { maxLength: 4 }), acl, acl, fc.array(acl, { maxLength: 2 })).map(([head, x, y, tail]) => [[...head, x, ...tail], [...head, y, ...tail]] as const);
/** Two changes whose four values share a long beginning and end. */
const twoAlikeChanges = fc
  .tuple(fc.string({ minLength: 40, maxLength: 130 }), fc.array(fc.string({ maxLength: 4 }), { minLength: 4, maxLength: 4 }), fc.string({ maxLength: 40 }))
  .map(([head, [a, b, c, d], tail]) => [[head + a + tail, head + b + tail], [head + c + tail, head + d + tail]] as const);
const alike = fc.oneof(alikeStrings, alikeAclLists, fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 })));

describe('plan values: two different values never read the same', () => {
  it('formatValue: equal text means equal values, however long and alike', () => {
    fc.assert(
      fc.property(alike, ([a, b]) => {
        if (formatValue(a) === formatValue(b)) assert.equal(json(a), json(b));
      }),
      { numRuns: RUNS },
    );
  });

  it('formatValuePair: the two sides of a change differ whenever the values do, and the cut side shows where', () => {
    fc.assert(
      fc.property(alike, ([a, b]) => {
        const [from, to] = formatValuePair(a, b);
        if (json(a) !== json(b)) assert.notEqual(from, to);
        else assert.equal(from, to);
      }),
      { numRuns: RUNS },
    );
  });

  it('formatChange: two changes of one field read the same only when both sides are the same values', () => {
    fc.assert(
      fc.property(twoAlikeChanges, ([[a, b], [c, d]]) => {
        if (formatChange({ field: 'acls', from: a, to: b }) === formatChange({ field: 'acls', from: c, to: d })) {
          assert.equal(json(a), json(c));
          assert.equal(json(b), json(d));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('stays short: a cut value is at most 80 characters of the value plus its length and hash', () => {
    fc.assert(
      fc.property(alike, ([a, b]) => {
        for (const text of [formatValue(a), ...formatValuePair(a, b)]) assert.ok(text.length <= 80 + 2 + 30, text);
      }),
      { numRuns: RUNS },
    );
  });

  it('shows the changed ACL of a long list, not the same first 80 characters twice', () => {
    const rule = (n: number) => `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
    const acls = [1, 2, 3].map((n) => ({ direction: 'inbound', access_control_rules: [rule(n)], voice_action_true: 'accept' }));
    const changed = acls.map((a, i) => (i === 2 ? { ...a, voice_action_true: 'reject403' } : a));
    const line = formatChange({ field: 'acls', from: acls, to: changed });
    const [from, to] = line.slice('acls: '.length).split(' → ') as [string, string];
    assert.match(from, /"voice_action_true":"accept"/);
    assert.match(to, /"voice_action_true":"reject403"/);
    assert.match(from, /^….* \(\d+ chars, #[0-9a-f]{8}\)$/);
    assert.equal(formatValue('short'), '"short"');
    assert.equal(formatValue(undefined), '(unset)');
  });
});
