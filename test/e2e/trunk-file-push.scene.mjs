// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo-paths.mjs';

// Trunks as reviewed code: export an existing trunk to a file, see its lenses, change it, read
// the plan Push would apply, and compare the file with the remote. The plan is cancelled, so
// nothing changes in the sandbox; the exported folder is removed afterwards.

const SHOTS = path.join(REPO_ROOT, 'media', 'screenshots');
const EXPORT_DIR = 'e2e-export';

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'export a trunk, change it, read the plan and the diff → media/screenshots/{lenses,plan,diff}.png',
  async run(workbench) {
    const page = workbench.page;
    const exportDir = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace', EXPORT_DIR);
    try {
      await workbench.openViewContainer('Trunkline');
      const view = await workbench.view('Trunks');
      await view.getByRole('button', { name: 'Try the Sandbox' }).click();
      await workbench.resizeSideBar(420);
      await workbench.expand(/^sandbox/);
      await workbench.expand(/^Elastic SIP Trunks/);
      await workbench.contextMenu(/^Globex Retail Main/, 'Export to Trunk Files…');
      const input = page.locator('.quick-input-widget input');
      await input.fill(EXPORT_DIR);
      await input.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: 'globex-retail-main-5.trunk.yaml' }).waitFor();
      await workbench.codeLens(/in sync/).waitFor();
      await workbench.settle();
      await page.screenshot({ path: path.join(SHOTS, 'lenses.png') });

      await workbench.replaceInEditor('secure: true', 'secure: false');
      await workbench.replaceInEditor('disable-all', 'sip-only');
      await page.keyboard.press('Control+S');
      await workbench.codeLens(/1 change/).waitFor();
      await workbench.codeLens('Push').click();
      const plan = await workbench.dialog('Update trunk fields');
      await workbench.settle();
      await page.screenshot({ path: path.join(SHOTS, 'plan.png') });
      await plan.getByRole('button', { name: 'Cancel' }).click();

      await workbench.codeLens('Diff').click();
      await page.locator('.tabs-container .tab.active', { hasText: '(remote)' }).waitFor();
      await page.locator('.editor-group-container.active .monaco-diff-editor .char-insert, .editor-group-container.active .monaco-diff-editor .line-insert').first().waitFor();
      await workbench.settle();
      await page.screenshot({ path: path.join(SHOTS, 'diff.png') });
    } finally {
      fs.rmSync(exportDir, { recursive: true, force: true });
    }
  },
};
