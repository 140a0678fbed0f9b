// @ts-check
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo-paths.mjs';

// Hovering origination_urls: the order Twilio applies them, shares by weight, disabled ones
// struck out.

const PICTURE = path.join(REPO_ROOT, 'media', 'screenshots', 'failover-hover.png');

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: `hovering origination_urls shows the failover order → ${path.relative(REPO_ROOT, PICTURE)}`,
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.treeItem(/^sandbox/).waitFor();
    await workbench.openFile('not-ready.trunk.yaml');
    await workbench.hoverEditorText('origination_urls', 'then: dr-site 100%');
    await workbench.settle({ keepHover: true });
    await workbench.page.screenshot({ path: PICTURE });
  },
};
