import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureCliBuilt, makeWorkspace, runTrunkline } from '../../support/cli-harness';

// Directory scans follow symbolic links (as the editor's search does), say so when a link leads
// out of the scanned folder, and say which links they skip: loops, broken links, second paths.

const trunk = (name: string) => `apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme
spec:
  friendly_name: ${name}
`;

describe('directory scans and symbolic links', () => {
  let cwd: string;
  before(() => {
    ensureCliBuilt();
    cwd = makeWorkspace({ 'trunks/a.trunk.yaml': trunk('A'), 'outside/b.trunk.yaml': trunk('B') });
    fs.symlinkSync('a.trunk.yaml', path.join(cwd, 'trunks', 'alias.trunk.yaml'));
    fs.symlinkSync('missing.trunk.yaml', path.join(cwd, 'trunks', 'broken.trunk.yaml'));
    fs.symlinkSync('..', path.join(cwd, 'trunks', 'loop'));
    fs.symlinkSync(path.join('..', 'outside'), path.join(cwd, 'trunks', 'shared'));
  });
  after(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('follows a linked folder out of the tree with a warning, and notes the loop, the broken link and the second path it skips', async () => {
    const run = await runTrunkline(['validate', '--format', 'json', 'trunks'], { cwd });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const json = JSON.parse(run.stdout) as { files: { file: string }[] };
    assert.deepEqual(
      json.files.map((f) => f.file),
      [path.join('trunks', 'a.trunk.yaml'), path.join('trunks', 'shared', 'b.trunk.yaml')],
    );
    const outside = fs.realpathSync(path.join(cwd, 'outside'));
    assert.equal(
      run.stderr,
      [
        `Skipped ${path.join('trunks', 'broken.trunk.yaml')}: a broken symbolic link (its target does not exist).`,
        `Skipped the link ${path.join('trunks', 'loop')}: it leads back to ${fs.realpathSync(cwd)}, a folder this scan is already in (a loop).`,
        `trunkline: warning: Following the link ${path.join('trunks', 'shared')} to ${outside}, outside trunks.`,
        `Skipped ${path.join('trunks', 'alias.trunk.yaml')}: it is the same file as ${path.join('trunks', 'a.trunk.yaml')}.`,
        '',
      ].join('\n'),
    );
  });

  it('--quiet keeps the warning about a link out of the tree and drops the notes', async () => {
    const run = await runTrunkline(['validate', '--quiet', 'trunks'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, `trunkline: warning: Following the link ${path.join('trunks', 'shared')} to ${fs.realpathSync(path.join(cwd, 'outside'))}, outside trunks.\n`);
  });
});
