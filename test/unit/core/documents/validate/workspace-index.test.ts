import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { WorkspaceIndex } from '../../../../../src/core/documents/validate/workspace-index';
import { rangeOf } from '../../../../support/text-position';

function trunk(account: string, domain: string, numbers: string[]): string {
  return `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: ${account}\nspec:\n  domain_name: ${domain}\n  phone_numbers:\n${numbers.map((n) => `    - "${n}"\n`).join('')}`;
}

describe('WorkspaceIndex', () => {
  test('a number on trunks in two files is an error in both, pointing at the other file', () => {
    const index = new WorkspaceIndex();
    const a = trunk('prod', 'a.pstn.twilio.com', ['+14155550100', '+14155550101']);
    const b = trunk('prod', 'b.pstn.twilio.com', ['+14155550199', '+14155550101']);
    index.update('file:///ws/a.trunk.yaml', parseTrunkFile(a).claims);
    assert.deepEqual(index.update('file:///ws/b.trunk.yaml', parseTrunkFile(b).claims), ['file:///ws/a.trunk.yaml']);

    const [inA] = index.diagnosticsFor('file:///ws/a.trunk.yaml');
    assert.equal(inA?.code, 'duplicate-phone-number');
    assert.equal(inA?.message, '+14155550101 is also listed on the trunk in file:///ws/b.trunk.yaml (line 8); a number can be attached to only one trunk.');
    const r = inA!.range;
    assert.deepEqual([r.start.line, r.start.character, r.end.line, r.end.character], rangeOf(a, '"+14155550101"'));
    assert.deepEqual(inA?.related?.map((x) => [x.uri, x.range.start.line]), [['file:///ws/b.trunk.yaml', 7]]);
    assert.equal(index.diagnosticsFor('file:///ws/b.trunk.yaml').length, 1);
  });

  test('the same domain across files, case-insensitively', () => {
    const index = new WorkspaceIndex();
    index.update('a', parseTrunkFile(trunk('prod', 'main.pstn.twilio.com', [])).claims);
    index.update('b', parseTrunkFile(trunk('prod', 'MAIN.pstn.twilio.com', [])).claims);
    assert.deepEqual(index.diagnosticsFor('b').map((d) => d.code), ['duplicate-domain-name']);
  });

  test('fixing or removing a file clears the other file, and says which files to refresh', () => {
    const index = new WorkspaceIndex();
    index.update('a', parseTrunkFile(trunk('prod', 'a.pstn.twilio.com', ['+14155550100'])).claims);
    index.update('b', parseTrunkFile(trunk('prod', 'b.pstn.twilio.com', ['+14155550100'])).claims);
    assert.deepEqual(index.update('b', parseTrunkFile(trunk('prod', 'b.pstn.twilio.com', ['+14155550102'])).claims), ['a']);
    assert.deepEqual(index.diagnosticsFor('a'), []);
    index.update('c', parseTrunkFile(trunk('prod', 'c.pstn.twilio.com', ['+14155550100'])).claims);
    assert.equal(index.diagnosticsFor('a').length, 1);
    assert.deepEqual(index.remove('c'), ['a']);
    assert.deepEqual(index.diagnosticsFor('a'), []);
    assert.deepEqual(index.uris().sort(), ['a', 'b']);
  });

  test('other accounts and duplicates inside one file are not reported again', () => {
    const index = new WorkspaceIndex();
    index.update('a', parseTrunkFile(trunk('prod', 'a.pstn.twilio.com', ['+14155550100'])).claims);
    index.update('b', parseTrunkFile(trunk('sandbox', 'b.pstn.twilio.com', ['+14155550100'])).claims);
    const same = `${trunk('prod', 'c.pstn.twilio.com', ['+14155550177'])}---\n${trunk('prod', 'd.pstn.twilio.com', ['+14155550177'])}`;
    index.update('c', parseTrunkFile(same).claims);
    assert.deepEqual(index.diagnosticsFor('a'), []);
    assert.deepEqual(index.diagnosticsFor('c'), []);
    assert.equal(parseTrunkFile(same).diagnostics.length, 2, 'the file reports its own duplicates');
  });
});

describe('WorkspaceIndex, updated while typing', () => {
  test('typing above a duplicate moves the place the other file points at, and the files to refresh are the same', () => {
    const index = new WorkspaceIndex();
    const a = trunk('prod', 'a.pstn.twilio.com', ['+14155550100', '+14155550101']);
    const b = trunk('prod', 'b.pstn.twilio.com', ['+14155550101']);
    const c = trunk('prod', 'c.pstn.twilio.com', ['+14155550101']);
    index.update('a', parseTrunkFile(a).claims);
    index.update('b', parseTrunkFile(b).claims);
    index.update('c', parseTrunkFile(c).claims);
    assert.match(index.diagnosticsFor('b')[0]!.message, /in a \(line 8\) and 1 more/);
    // Two comment lines typed at the top of a: same claims, two lines further down.
    const typed = `# x\n# y\n${a}`;
    assert.deepEqual(index.update('a', parseTrunkFile(typed).claims), ['b', 'c']);
    const inB = index.diagnosticsFor('b')[0]!;
    assert.match(inB.message, /in c \(line 7\) and 1 more/, 'a was updated last, as after any other update');
    assert.deepEqual(inB.related?.map((r) => [r.uri, r.range.start.line]), [['c', 6], ['a', 9]]);
    assert.deepEqual(index.diagnosticsFor('a').map((d) => d.range.start.line), [9]);
    // Removing the shared number clears b and c.
    assert.deepEqual(index.update('a', parseTrunkFile(trunk('prod', 'a.pstn.twilio.com', ['+14155550100'])).claims), ['b', 'c']);
    assert.match(index.diagnosticsFor('b')[0]!.message, /in c \(line 7\);/);
    assert.deepEqual(index.remove('c'), ['b']);
    assert.deepEqual(index.diagnosticsFor('b'), []);
  });
});
