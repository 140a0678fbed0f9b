import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { readSimpleYaml, type SimpleNode } from '../../../../../src/core/documents/file/read-simple-yaml';
import { generateTrunkFile } from '../../../../fixtures/documents/generate-trunk-file';

// The subset reader must give exactly what yaml gives (value, the contents' span, every node's
// span), or give up. Checked on the example files, on generated documents of the subset and
// near it, and on random edits of them.

const fixtures = join(__dirname, '../../../../../../test/fixtures/documents');
const REALISTIC = readFileSync(join(fixtures, 'acme-example.trunk.yaml'), 'utf8');

/** The spans of every node yaml has, as [path, start, end], to compare with the reader's. */
function yamlSpans(node: unknown, path: string, out: [string, number, number][]): void {
  const range = (node as { range?: number[] } | null)?.range;
  if (range && (isScalar(node) || (node as { flow?: boolean }).flow)) out.push([path, range[0]!, range[1]!]);
  if (isMap(node)) for (const pair of node.items) yamlSpans(pair.value, `${path}/${String((pair.key as { value: unknown }).value)}`, out);
  if (isSeq(node)) node.items.forEach((item, i) => yamlSpans(item, `${path}/${i}`, out));
}

/** Compares the reader with yaml on one document's text; returns whether the reader took it. */
function check(text: string, base = 0): boolean {
  const simple = readSimpleYaml(text, base);
  if (!simple) return false;
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  assert.equal(documents.length, 1, JSON.stringify(text));
  const document = documents[0]!;
  assert.deepEqual([...document.errors, ...document.warnings].map((e) => e.code), [], JSON.stringify(text));
  if (simple.empty) {
    const contents = document.contents;
    assert.ok(contents === null || (isScalar(contents) && contents.value === null && contents.range[0] === contents.range[1]), JSON.stringify(text));
    return true;
  }
  assert.deepEqual(simple.value, document.toJS(), JSON.stringify(text));
  const range = document.contents!.range;
  assert.deepEqual(simple.span, [range[0] + base, range[1] + base], JSON.stringify(text));
  const expected: [string, number, number][] = [];
  yamlSpans(document.contents, '', expected);
  const actual: [string, number, number][] = [];
  collectSimple(simple.contents, '', actual);
  assert.deepEqual(actual.sort(), expected.map(([p, s, e]) => [p, s + base, e + base] as [string, number, number]).sort(), JSON.stringify(text));
  return true;
}

/** Scalars and flow collections (and everything inside flow collections). */
function collectSimple(node: SimpleNode, path: string, out: [string, number, number][], inFlow = false): void {
  const isCollection = node.keys !== undefined || node.items !== undefined;
  const flow = inFlow || node.flow === true;
  if (!isCollection || flow) out.push([path, node.start, node.end]);
  if (node.keys) for (const [key, child] of node.keys) collectSimple(child, `${path}/${key}`, out, flow);
  if (node.items) node.items.forEach((child, i) => collectSimple(child, `${path}/${i}`, out, flow));
}

/** Mostly what trunk files hold; now and then something the reader must refuse or read exactly. */
const scalar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Acme main', 'sip:pbx.example.com', 'https://x.example.com/a?b=1&c=2#f', '10', '-1', '0', 'true', 'false', 'null', 'TK0123', '503167ea-b8a5', 'a b', 'x-.*', '"+14155550100"', "'it''s'", '"sip:x"', "''", '""', '"a # b"', '[1, 2]', '[]', '{}', '{ a: 1, b: [x, "y"] }', '[ "x", \'y\' ]', '[1, [2, 3]]', '{a: 1}', '\u00e9t\u00e9', 'yes', 'on', '~', 'NULL', 'a#b', 'a:b') },
  { weight: 2, arbitrary: fc.constantFrom('007', '1.5', '1e3', '.inf', '0x1F', '0o17', '+1', '-0', 'False', 'a #b', '- x', '-x', '?x', ': x', '&a x', '*a', '!t x', '|', '>', '@x', '`x', '%x', '[a, b,]', '[a: 1]', '{ a }', '{ a: b: c }', '[a #x]', '"open', '[open', 'a: b', 'a:', 'tab\there', '"a\\"b"', '123456789012345678', '1_000', '2026-12-03') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'spec', 'friendly_name', 'x-y', '_k', 'kind', 'sip_url', 'priority', 'name2') },
  { weight: 1, arbitrary: fc.constantFrom('true', 'null', '1', '"q"', 'a b', '__proto__', '<<', 'a.b', 'Ké') },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);
const comment = fc.constantFrom('', '', '', ' # c', '   # note', '#x');
const space = fc.constantFrom(' ', ' ', '  ', '');

type Tree = { map: [string, Tree][] } | { seq: Tree[] } | { scalar: string };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ scalar }),
    fc.record({ map: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
  ),
})).node;

/** Renders a tree as block YAML with random spacing, comments, blank and comment lines. */
function render(t: Tree, indent: number, pick: () => number, sep: string[], comments: string[]): string[] {
  const pad = ' '.repeat(indent);
  const s = () => sep[pick() % sep.length]!;
  const c = () => comments[pick() % comments.length]!;
  const extra = (): string[] => (pick() % 7 === 0 ? [''] : pick() % 9 === 0 ? [`${' '.repeat(pick() % 6)}# between`] : []);
  if ('scalar' in t) return [`${pad}${t.scalar}${c()}`];
  const lines: string[] = [];
  const step = 2 + (pick() % 2);
  if ('map' in t) {
    for (const [k, v] of t.map) {
      lines.push(...extra());
      if ('scalar' in v) lines.push(`${pad}${k}:${s()}${v.scalar}${c()}`);
      else {
        lines.push(`${pad}${k}:${c()}`);
        const nested = 'seq' in v && pick() % 3 === 0 ? indent : indent + step;
        lines.push(...render(v, nested, pick, sep, comments));
      }
    }
  } else {
    for (const item of t.seq) {
      lines.push(...extra());
      if ('scalar' in item) lines.push(`${pad}-${s()}${item.scalar}${c()}`);
      else if ('map' in item && pick() % 2 === 0) {
        const inner = render(item, indent + 2, pick, sep, comments);
        lines.push(`${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1));
      } else {
        lines.push(`${pad}-${c()}`);
        lines.push(...render(item, indent + step, pick, sep, comments));
      }
    }
  }
  return lines;
}

const documentText = fc
  .tuple(
    fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }),
    fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    fc.constantFrom('', '---\n', '# head\n---\n', '--- # c\n', '---  \n\n'),
    fc.constantFrom('', '\n', '\n\n', '\n# tail\n', '\n  # deep tail\n', '\n\n  \n'),
    fc.boolean(),
  )
  .map(([entries, seeds, head, tail, crlf]) => {
    let i = 0;
    const pick = () => seeds[i++ % seeds.length]! + i;
    const body = render({ map: entries }, 0, pick, [' ', '  ', ' '], ['', '', ' # c', '  #c']).join('\n');
    const text = head + body + tail;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('readSimpleYaml', () => {
  test('reads the example files as yaml does, every document', () => {
    for (const text of [REALISTIC, generateTrunkFile(40, { account: 'acme-prod' })]) {
      const chunks = text.split(/^(?=---$)/m);
      let base = 0;
      for (const chunk of chunks) {
        assert.ok(check(chunk, base), `the reader takes ${JSON.stringify(chunk.slice(0, 60))}`);
        base += chunk.length;
      }
    }
  });

  test('an empty last value followed by comment or blank lines: what yaml gives, or gives up (fast-check counterexample, seed 2043263541)', () => {
    for (const text of ['a:  \n# tail\n', 'a:\n# tail\n', 'a:\n\n# tail\n', 'a:\n\n', 'a: 1\nb:\n  c:\n# tail\n', 'a:\n', 'a: 1\n# tail\n']) check(text);
  });

  test('on generated documents it gives what yaml gives, or gives up', () => {
    let taken = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        if (check(text)) taken++;
      }),
      { numRuns: Number(process.env.TRUNKLINE_PROPERTY_RUNS ?? 150) * 4 },
    );
    assert.ok(taken > 0, 'some generated documents are in the subset');
  });

  test('after random edits of a trunk document it gives what yaml gives, or gives up', () => {
    const base = REALISTIC.split(/^(?=---$)/m)[0]!;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat({ max: base.length }),
            remove: fc.nat({ max: 8 }),
            insert: fc.oneof(fc.constantFrom('', ' ', '\n', '  ', '- ', ': ', ':', '{', '}', '[', ']', ',', '"', "'", '#', ' #', '&a ', '*a', '!', '? ', '\t', '\r', '\\', '-1', '0x1', '1.5', 'null', '~', 'x: 1\n', '\n  y: 2', '\n- z'), fc.string({ maxLength: 3 })),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          let text = base;
          for (const e of edits) text = applyEdit(text, e);
          check(text, 17);
        },
      ),
      { numRuns: Number(process.env.TRUNKLINE_PROPERTY_RUNS ?? 150) * 4 },
    );
  });
});
