import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setDocumentSid } from '../../../../../src/core/documents/edit/set-document-sid';
import { applyTextEdits } from '../../../../../src/core/documents/edit/text-edit';

const SID = 'TK0123456789abcdef0123456789abcdef';

function write(text: string, index: number, sid = SID): string {
  return applyTextEdits(text, setDocumentSid(text, index, sid));
}

describe('setDocumentSid', () => {
  test('inserts sid on the line after account, keeping its comment', () => {
    const text = '# main\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme-prod  # prod\nspec:\n  secure: true\n';
    assert.equal(write(text, 0), `# main\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme-prod  # prod\nsid: ${SID}\nspec:\n  secure: true\n`);
  });

  test('replaces an existing sid value only', () => {
    const text = `kind: TwilioTrunk\naccount: a\nsid: TKffffffffffffffffffffffffffffffff # old\nspec: {}\n`;
    const edits = setDocumentSid(text, 0, SID);
    assert.equal(edits.length, 1);
    assert.equal(applyTextEdits(text, edits), `kind: TwilioTrunk\naccount: a\nsid: ${SID} # old\nspec: {}\n`);
    assert.equal(write('kind: TwilioTrunk\nsid:\naccount: a\n', 0), `kind: TwilioTrunk\nsid: ${SID}\naccount: a\n`);
  });

  test('only the document concerned changes', () => {
    const a = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec: {}\n';
    const b = 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: b\nspec: {}\n';
    const result = write(`${a}---\n${b}`, 1, 'BY0123456789abcdef0123456789abcdef');
    assert.equal(result, `${a}---\napiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: b\nsid: BY0123456789abcdef0123456789abcdef\nspec: {}\n`);
  });

  test('last line without newline, CRLF, no account', () => {
    assert.equal(write('kind: TwilioTrunk\naccount: a', 0), `kind: TwilioTrunk\naccount: a\nsid: ${SID}`);
    assert.equal(write('kind: TwilioTrunk\r\naccount: a\r\nspec: {}\r\n', 0), `kind: TwilioTrunk\r\naccount: a\r\nsid: ${SID}\r\nspec: {}\r\n`);
    assert.equal(write('kind: TwilioTrunk\nspec: {}\n', 0), `kind: TwilioTrunk\nsid: ${SID}\nspec: {}\n`);
  });

  test('refuses what is not a SID or not a document', () => {
    assert.throws(() => setDocumentSid('kind: TwilioTrunk\n', 0, 'x: y'), /Not a SID/);
    assert.throws(() => setDocumentSid('kind: TwilioTrunk\n', 3, SID), /no document 4/);
  });
});
