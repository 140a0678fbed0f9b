import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseTrunkFile } from '../../../src/core/documents/file/parse-trunk-file';
import { TRUNK_KINDS } from '../../../src/core/documents/file/trunk-kinds';

// The README's reference tables are what a user reads to learn what exists: every command the
// extension contributes, and every kind a trunk file may hold with an example that validates.

const ROOT = process.cwd();
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string; title: string }[] } };
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** The rows of the first table after a heading, each as its cells (the header and rule left out). */
function tableAfter(heading: string): string[][] {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has no heading "${heading}"`);
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(' | ').map((c) => c.trim()));
  }
  return rows;
}

/** A command's title as the palette shows it, without the trailing "…". */
const titleOf = (c: { title: string }) => (c.title.startsWith('%') ? (nls[c.title.slice(1, -1)] ?? c.title) : c.title).replace(/…$/, '');

describe('README', () => {
  test('the Commands table names every contributed command by its title, and nothing else', () => {
    const named = tableAfter('## Commands').flatMap(([cell]) => (cell ?? '').split(' / ').map((n) => n.trim().replace(/…$/, '')));
    const titles = manifest.contributes.commands.map(titleOf);
    const missing = manifest.contributes.commands.filter((c) => !named.includes(titleOf(c))).map((c) => `${c.command} "${titleOf(c)}"`);
    assert.deepEqual(missing, [], 'commands missing from the README table');
    assert.deepEqual(
      named.filter((n) => !titles.includes(n)),
      [],
      'names in the README table that are no command title',
    );
  });

  test('the kinds table has every kind once, each with a one-line example that validates as written', () => {
    const rows = tableAfter('### Kinds');
    const kinds = rows.map(([kind]) => (kind ?? '').replace(/`/g, ''));
    assert.deepEqual([...kinds].sort(), [...TRUNK_KINDS].sort());
    for (const [kind, , example] of rows) {
      const spec = /^`spec: (.+)`$/.exec(example ?? '')?.[1];
      assert.ok(spec, `${kind}: the example is not one \`spec: …\` line: ${example}`);
      const text = `apiVersion: trunkline/v1\nkind: ${(kind ?? '').replace(/`/g, '')}\naccount: acme-prod\nspec: ${spec}\n`;
      const problems = parseTrunkFile(text).diagnostics.map((d) => `${d.code}: ${d.message}`);
      assert.deepEqual(problems, [], `${kind}: ${spec}`);
    }
  });
});
