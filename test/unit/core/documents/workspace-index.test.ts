import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTrunkFile } from '../../../../src/core/documents/parse-trunk-file';
import { WorkspaceIndex } from '../../../../src/core/documents/workspace-index';
import { rangeOf } from '../../../support/text-position';

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
