import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkTrunkFiles, syncDocuments } from '../../../src/cli/check-trunk-files';
import { planMarkdown, PLAN_MARKER } from '../../../src/cli/plan-markdown';
import { planAll } from '../../../src/core/documents/apply/push-all';
import { makeWorkspace } from '../../support/cli-harness';
import { documentText, startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// A plan of hundreds of documents must still fit in one GitHub comment (65,536 characters).

describe('planMarkdown on a large plan', () => {
  let h: SyncHarness;
  let dir: string;
  before(async () => {
    h = await startSyncHarness();
    dir = makeWorkspace();
  });
  after(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const plan = async (texts: string[]) => {
    const paths = texts.map((text, i) => {
      const absolute = path.join(dir, `t${String(i).padStart(3, '0')}.trunk.yaml`);
      fs.writeFileSync(absolute, text);
      return { display: path.basename(absolute), absolute };
    });
    const files = checkTrunkFiles(paths, ['sandbox']);
    return { files, combined: await planAll(syncDocuments(files), h.clients) };
  };

  it('stops adding documents before the budget and says how many it left out', async () => {
    const texts = Array.from({ length: 200 }, (_, i) => documentText('TwilioByocTrunk', { friendly_name: `Carrier ${i}`, voice_url: `https://voice.example.com/${i}` }));
    const { files, combined } = await plan(texts);
    const text = planMarkdown(files, combined, 6_000);
    assert.ok(text.length <= 6_000, `${text.length} characters`);
    assert.ok(text.startsWith(`${PLAN_MARKER}\n`));
    const shown = (text.match(/^#### /gm) ?? []).length;
    assert.ok(shown > 0 && shown < 200);
    assert.match(text, new RegExp(`^\\*${200 - shown} more documents to change are not shown: the comment would be too long for GitHub\\. Run \`trunkline plan\` for the whole plan\\.\\*$`, 'm'));
    assert.match(text, /^\*\*Plan: 200 to change \(200 operations\), 0 in sync\.\*\*$/m, 'the summary still counts them all');
    assert.ok(planMarkdown(files, combined).length < 65_536, 'the default budget fits a GitHub comment');
  });

  it('cuts a long value around where it changes, as the text plan does', async () => {
    const long = `https://voice.example.com/${'segment/'.repeat(15)}`;
    const byoc = await h.twilio.byocTrunks.create({ friendly_name: 'Long', voice_url: `${long}old` });
    const { files, combined } = await plan([documentText('TwilioByocTrunk', { friendly_name: 'Long', voice_url: `${long}new` }, byoc.sid)]);
    const row = planMarkdown(files, combined).split('\n').find((l) => l.includes('<code>voice\\_url</code>'));
    assert.ok(row, 'a row for voice_url');
    assert.match(row, /<code>…[^|]*\/old" \(151 chars[^|]*<\/code> \| <code>…[^|]*\/new" \(151 chars/);
  });

  it('lists at most 50 problems, then how many more', async () => {
    const texts = Array.from({ length: 60 }, (_, i) => `apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: sandbox\nspec:\n  friendly_name: Carrier ${i}\n  voice_method: PUT\n`);
    const { files, combined } = await plan(texts);
    const text = planMarkdown(files, combined);
    assert.equal((text.match(/^> - <code>/gm) ?? []).length, 50);
    assert.match(text, /^> - … and 10 more \(see `trunkline plan`\)$/m);
  });
});
