import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

// A translation is a file, not a code change: every string a user reads comes from
// package.nls.json (contributions) or l10n/bundle.l10n.json (run time), both complete.

const ROOT = process.cwd();
const readJson = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

/** Every string of package.json, with where it is ("contributes.commands[3].title"). */
function strings(value: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, at ? `${at}.${k}` : k, out);
  return out;
}

/** The package.json fields VS Code shows to a person, and so translates through package.nls.json. */
const SHOWN = /^(description|capabilities\.\w+\.description|contributes\.(viewsContainers\.\w+\[\d+\]\.title|views\.\w+\[\d+\]\.(name|contextualTitle)|commands\[\d+\]\.(title|category|shortTitle)|viewsWelcome\[\d+\]\.contents|configuration\.(title|properties\.[\w.]+\.(description|markdownDescription|enumDescriptions\[\d+\]|markdownEnumDescriptions\[\d+\]))|walkthroughs\[\d+\]\.(title|description|steps\[\d+\]\.(title|description))))$/;

describe('localisation', () => {
  const manifest = strings(readJson('package.json'), '');
  const nls = readJson('package.nls.json');

  test('every string package.json shows to a person is a %key% with its text in package.nls.json', () => {
    const shown = manifest.filter(([at]) => SHOWN.test(at));
    assert.ok(shown.length > 50, `only ${shown.length} shown strings found: has package.json changed shape?`);
    assert.deepEqual(shown.filter(([, text]) => !/^%[\w.-]+%$/.test(text)).map(([at, text]) => `${at}: ${text}`), [], 'literal text in package.json: move it to package.nls.json');
    const keys = manifest.map(([, text]) => /^%([\w.-]+)%$/.exec(text)?.[1]).filter((k): k is string => k !== undefined);
    assert.deepEqual(keys.filter((k) => typeof nls[k] !== 'string'), [], 'package.json refers to keys package.nls.json does not have');
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), [], 'package.nls.json has keys package.json no longer uses');
  });

  test('package.json points VS Code at the l10n bundle folder', () => {
    assert.equal(readJson('package.json').l10n, './l10n');
    assert.ok(existsSync(path.join(ROOT, 'l10n', 'bundle.l10n.json')));
  });

  test('l10n/bundle.l10n.json has exactly the strings src/ hands to t() (npm run l10n -- --check)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'l10n.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
  });

  test('translations carry only keys the English sources have', () => {
    const bundle = readJson('l10n/bundle.l10n.json');
    const translations = [
      ...readdirSync(ROOT).filter((f) => /^package\.nls\.[\w-]+\.json$/.test(f)).map((f) => [f, nls] as const),
      ...readdirSync(path.join(ROOT, 'l10n')).filter((f) => /^bundle\.l10n\.[\w-]+\.json$/.test(f)).map((f) => [`l10n/${f}`, bundle] as const),
    ];
    for (const [file, english] of translations) assert.deepEqual(Object.keys(readJson(file)).filter((k) => !(k in english)), [], `${file} has keys the English source does not`);
  });
});
