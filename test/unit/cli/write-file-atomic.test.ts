import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkTrunkFiles } from '../../../src/cli/check-trunk-files';
import { FileWriteBack } from '../../../src/cli/file-write-back';
import { writeFileAtomic } from '../../../src/cli/write-file-atomic';

// A crash at any instant must leave every file parseable: files are replaced by a rename of a
// complete, fsynced copy, never rewritten in place (which a kill can cut in the middle).

const TRUNK = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nspec:\n  friendly_name: Acme main # keep\n';

describe('writeFileAtomic', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-atomic-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces the content by a rename, keeps the permissions and leaves no temporary file', () => {
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, '{"old": true}\n', { mode: 0o640 });
    fs.chmodSync(file, 0o640);
    const before = fs.statSync(file).ino;
    writeFileAtomic(file, '{"new": true}\n');
    assert.equal(fs.readFileSync(file, 'utf8'), '{"new": true}\n');
    assert.notEqual(fs.statSync(file).ino, before, 'a new file was renamed over the old one');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['a.json']);
  });

  it('writes through a symbolic link, which stays a link', () => {
    fs.mkdirSync(path.join(dir, 'shared'));
    const real = path.join(dir, 'shared', 'real.trunk.yaml');
    const link = path.join(dir, 'link.trunk.yaml');
    fs.writeFileSync(real, 'old\n');
    fs.symlinkSync(real, link);
    writeFileAtomic(link, 'new\n');
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), 'new\n');
  });

  it("apply's sid write-back replaces the trunk file whole, never in place", () => {
    const file = path.join(dir, 'acme.trunk.yaml');
    fs.writeFileSync(file, TRUNK);
    const before = fs.statSync(file).ino;
    const [checked] = checkTrunkFiles([{ display: 'acme.trunk.yaml', absolute: file }], undefined);
    new FileWriteBack([checked!]).writeSid('acme.trunk.yaml', 0, 'TK0123456789abcdef0123456789abcdef');
    assert.equal(fs.readFileSync(file, 'utf8'), TRUNK.replace('account: acme\n', 'account: acme\nsid: TK0123456789abcdef0123456789abcdef\n'));
    assert.notEqual(fs.statSync(file).ino, before);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });
});
