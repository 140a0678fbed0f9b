import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { before, describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { markdownCode, markdownText } from '../../../src/cli/markdown-text';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, readFile, runTrunkline, writeFile } from '../../support/cli-harness';
import { startSyncHarness } from '../../support/sync-harness';

// Anyone who opens a pull request writes the names that end up in the plan comment. Rendered as
// GitHub renders comments (HTML allowed), a hostile name stays text: the table keeps its columns,
// no element, link, image or mention comes out of it.

const markdown = new MarkdownIt({ html: true, linkify: true });

const HOSTILE_TRUNK = 'Acme | <img src=x onerror=alert(1)> @acme/ops';
const HOSTILE_URL = 'pbx`a`|\\|**b**[l](http://e.example)~~s~~ #1';

/** Cells of a table row as GitHub (cmark-gfm) splits it: a backslash escapes the next character, pipes included. */
function gfmCells(row: string): number {
  let cells = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') cells++;
  }
  return cells - 1;
}

/** Every table in the Markdown: each row has as many cells as its header, in markdown-it's HTML and by GitHub's rule. */
function assertTablesIntact(source: string): void {
  const html = markdown.render(source);
  for (const table of html.split('<table>').slice(1)) {
    const rows = table.slice(0, table.indexOf('</table>')).split('<tr>').slice(1);
    const width = (rows[0]!.match(/<th/g) ?? []).length;
    for (const row of rows.slice(1)) assert.equal((row.match(/<td/g) ?? []).length, width, `a row lost its columns:\n${row}`);
  }
  const lines = source.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith('|') || !lines[i + 1]?.startsWith('|--') && !lines[i + 1]?.startsWith('|:-')) continue;
    const width = gfmCells(line);
    for (let j = i + 2; lines[j]?.startsWith('|'); j++) assert.equal(gfmCells(lines[j]!), width, `GitHub would split this row differently:\n${lines[j]}`);
  }
}

/**
 * A bare URL is linked as GitHub links any URL typed in a comment: shown as it is, never
 * disguised. Anything else that makes a link fails the tests.
 */
function withoutAutolinks(html: string): string {
  return html.replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (all, href: string, text: string) => (href === text ? text : all));
}

/** What a user's text can make in the rendered comment: nothing but text. */
function assertNoMarkupFrom(source: string): void {
  const html = withoutAutolinks(markdown.render(source));
  assert.doesNotMatch(html, /<(img|a|script|s|del|em)[ >]/, html);
  assert.doesNotMatch(html, /@acme\/ops/, 'a mention would ping the team');
  // The name is shown as written (the zero-width space after @ aside).
  const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\u200b/g, '');
  assert.ok(text.includes(HOSTILE_TRUNK), `the trunk's name is not shown as written:\n${text}`);
}

describe('Markdown escaping of user text', () => {
  it('keeps any text inert, on one line, in a paragraph or a table cell', () => {
    for (const text of [HOSTILE_TRUNK, HOSTILE_URL, 'a\nb\r\n| c', '\\|', '&lt;b&gt;', '<!-- x -->', '# heading']) {
      const source = `| a | b |\n|---|---|\n| ${markdownText(text)} | ${markdownCode(text)} |\n\n${markdownText(text)}\n`;
      assertTablesIntact(source);
      const html = withoutAutolinks(markdown.render(source));
      assert.doesNotMatch(html, /<(img|a|b|h1|em|strong|s|del|!--)[ >]/, `${JSON.stringify(text)} made markup:\n${html}`);
      assert.equal(html.split('\n').filter((l) => l.startsWith('<p>')).length, 1, `${JSON.stringify(text)} broke the paragraph:\n${html}`);
    }
  });
});

describe('plan --format markdown and drift --format markdown with hostile names', () => {
  before(() => ensureCliBuilt());

  it('neither breaks a table nor injects markup', async () => {
    const h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
    const cwd = makeWorkspace({
      'trunkline.config.json': emulatorConfig(h.emu),
      'main.trunk.yaml': `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nspec:\n  friendly_name: Acme\n  domain_name: acme-x.pstn.twilio.com\n  origination_urls:\n    - { friendly_name: pbx-a, sip_url: "sip:a.example.com", priority: 10, weight: 10, enabled: true }\n`,
    });
    const trunkline = (args: string[]) => runTrunkline(args, { cwd, env: CANARY_ENV, secrets: CANARY_SECRETS });
    try {
      assert.equal((await trunkline(['apply', '--yes'])).code, 0);
      const hostile = readFile(cwd, 'main.trunk.yaml')
        .replace('friendly_name: Acme', `friendly_name: ${JSON.stringify(HOSTILE_TRUNK)}`)
        .replace('{ friendly_name: pbx-a,', `{ friendly_name: ${JSON.stringify(HOSTILE_URL)},`)
        .replace('priority: 10, weight: 10', 'priority: 20, weight: 10');
      writeFile(cwd, 'main.trunk.yaml', hostile);

      const plan = await trunkline(['plan', '--format', 'markdown']);
      assert.equal(plan.code, 3, plan.stderr);
      assert.match(plan.stdout, /^\| Before \| 1st: pbx-a 100% \|$/m);
      assertTablesIntact(plan.stdout);
      assertNoMarkupFrom(plan.stdout);

      assert.equal((await trunkline(['apply', '--yes'])).code, 0);
      const sid = /^sid: (\S+)$/m.exec(readFile(cwd, 'main.trunk.yaml'))![1]!;
      await h.twilio.trunks.update(sid, { friendly_name: `${HOSTILE_TRUNK} ![x](//e.io/p)` });
      const drift = await trunkline(['drift', '--format', 'markdown']);
      assert.equal(drift.code, 4, drift.stderr);
      assertTablesIntact(drift.stdout);
      assertNoMarkupFrom(drift.stdout);
    } finally {
      await h.close();
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
