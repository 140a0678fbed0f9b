import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseTrunkFile, type ParseTrunkFileOptions, type TrunkFile } from '../../../../src/core/documents/file/parse-trunk-file';
import { generateTrunkFile } from '../../../fixtures/documents/generate-trunk-file';

// parseTrunkFile reads a file one YAML document at a time and, given the file as it was before
// an edit, re-reads only the documents whose text changed. Whatever the edit, the result must
// be exactly what one parse of the whole file gives.

const fixtures = join(__dirname, '../../../../../test/fixtures/documents');
const REALISTIC = readFileSync(join(fixtures, 'acme-example.trunk.yaml'), 'utf8');
const OPTIONS: ParseTrunkFileOptions = { knownAccounts: ['acme-prod', 'acme-carrierx'] };

function safeToJS(document: TrunkFile['documents'][number]['yaml']): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return String(error);
  }
}

/** Everything a user or a command sees of a parsed file. */
function observable(file: TrunkFile) {
  return {
    diagnostics: file.diagnostics,
    claims: file.claims,
    documents: file.documents.map((d) => ({
      index: d.index,
      range: d.range,
      kind: d.kind,
      account: d.account,
      sid: d.sid,
      valid: d.valid,
      spec: d.spec,
      diagnostics: d.diagnostics,
      value: safeToJS(d.yaml),
      contentsRange: d.yaml.contents?.range,
      errors: d.yaml.errors.map((e) => [e.code, e.pos]),
    })),
  };
}

function assertSameAsWholeFile(file: TrunkFile, text: string): void {
  assert.deepEqual(observable(file), observable(parseTrunkFile(text, { ...OPTIONS, wholeFile: true })), JSON.stringify(text));
}

/** Small edits of the kinds typing makes, including half-typed YAML. */
const edit = (length: number) =>
  fc.record({
    at: fc.nat({ max: length }),
    remove: fc.nat({ max: 12 }),
    insert: fc.oneof(
      fc.constantFrom('', ' ', '\n', '---\n', '\n---\n', '- ', ': ', '{', '}', '[', ']', '"', "'", '|\n', '>', '#', '&a ', '*a', '!!str ', '? ', '\t', '...\n', '%YAML 1.2\n', 'x', '  y: 1\n', '---'),
      fc.string({ maxLength: 4 }),
    ),
  });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('parseTrunkFile, one document at a time', () => {
  test('reads the example files exactly as one parse of the whole file does', () => {
    for (const text of [REALISTIC, generateTrunkFile(30, { account: 'acme-prod' }), `# only a comment\n---\n${REALISTIC}`, `---\n---\n${REALISTIC}---\n`, '', '---', '\uFEFF# c\n---\na: 1\n']) {
      assertSameAsWholeFile(parseTrunkFile(text, OPTIONS), text);
    }
  });

  test('after any sequence of edits, re-reading only the changed documents gives what a whole parse gives', () => {
    const base = `${REALISTIC}---\n${generateTrunkFile(4, { account: 'acme-prod', seed: 3 })}`;
    fc.assert(
      fc.property(fc.array(edit(base.length), { minLength: 1, maxLength: 6 }), (edits) => {
        let text = base;
        let file = parseTrunkFile(text, OPTIONS);
        for (const e of edits) {
          text = applyEdit(text, e);
          file = parseTrunkFile(text, OPTIONS, file);
          assertSameAsWholeFile(file, text);
        }
      }),
      { numRuns: Number(process.env.TRUNKLINE_PROPERTY_RUNS ?? 150) },
    );
  });

  test('regression: a document left broken, then a `---` typed after its trailing blank line', () => {
    // Found by the property above (seed -983176767): read alone, the broken document ran on
    // over the blank line to the end of its text; in the file it ends before the marker.
    const edits = [
      { at: 4602, remove: 0, insert: '\n' },
      { at: 0, remove: 6, insert: '' },
      { at: 0, remove: 2, insert: '' },
      { at: 4631, remove: 0, insert: '\n---\n' },
    ];
    let text = `${REALISTIC}---\n${generateTrunkFile(4, { account: 'acme-prod', seed: 3 })}`;
    let file = parseTrunkFile(text, OPTIONS);
    for (const e of edits) {
      text = applyEdit(text, e);
      file = parseTrunkFile(text, OPTIONS, file);
      assertSameAsWholeFile(file, text);
    }
  });

  test('a first read of any edited file (documents read without yaml where they can be) gives what a whole parse gives', () => {
    const base = `${REALISTIC}---\n${generateTrunkFile(4, { account: 'acme-prod', seed: 5 })}`;
    fc.assert(
      fc.property(fc.array(edit(base.length), { minLength: 1, maxLength: 4 }), (edits) => {
        const text = edits.reduce(applyEdit, base);
        assertSameAsWholeFile(parseTrunkFile(text, OPTIONS), text);
      }),
      { numRuns: Number(process.env.TRUNKLINE_PROPERTY_RUNS ?? 150) },
    );
  });

  test('a keystroke in one document of a large file re-reads that document only', () => {
    const text = generateTrunkFile(200, { account: 'acme-prod' });
    const before = parseTrunkFile(text, OPTIONS);
    const at = text.indexOf('friendly_name: Trunk 100') + 'friendly_name: Trunk 100'.length;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const yamlBefore = before.documents.map((d) => d.yaml);
    const after = parseTrunkFile(edited, OPTIONS, before);
    const reread = after.documents.filter((d, i) => d.yaml !== yamlBefore[i]);
    assert.equal(reread.length, 1, 'only the edited document is parsed again');
    assert.equal(reread[0]?.index, 100);
    assertSameAsWholeFile(after, edited);
  });

  test('a duplicate number typed into one document is reported in both documents, and goes away when undone', () => {
    const text = generateTrunkFile(20, { account: 'acme-prod' });
    const numbers = [...text.matchAll(/"\+1415\d{7}"/g)].map((m) => m[0]);
    const first = numbers[0]!;
    const last = numbers[numbers.length - 1]!;
    const at = text.lastIndexOf(last);
    const duplicated = text.slice(0, at) + first + text.slice(at + last.length);
    const clean = parseTrunkFile(text, OPTIONS);
    assert.deepEqual(clean.diagnostics, []);
    const dirty = parseTrunkFile(duplicated, OPTIONS, clean);
    assert.deepEqual(
      dirty.diagnostics.map((d) => d.code),
      ['duplicate-phone-number', 'duplicate-phone-number'],
    );
    assertSameAsWholeFile(dirty, duplicated);
    const undone = parseTrunkFile(text, OPTIONS, dirty);
    assert.deepEqual(undone.diagnostics, []);
  });

  test('other accounts mean other diagnostics: nothing is reused across options', () => {
    const text = REALISTIC.replace('account: acme-prod', 'account: acme-prd');
    const withAccounts = parseTrunkFile(text, OPTIONS);
    assert.equal(withAccounts.diagnostics.filter((d) => d.code === 'unknown-account').length, 1);
    const without = parseTrunkFile(text, {}, withAccounts);
    assert.deepEqual(without.diagnostics, []);
  });
});
