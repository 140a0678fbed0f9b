// @ts-check
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo-paths.mjs';

// A trunk file while it is being written: each problem underlined at its key or value, and
// hovering one says what is wrong (and what the quick fix is).

const PICTURE = path.join(REPO_ROOT, 'media', 'screenshots', 'diagnostics.png');

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: `a trunk file with mistakes shows each problem where it is → ${path.relative(REPO_ROOT, PICTURE)}`,
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.treeItem(/^sandbox/).waitFor();
    await workbench.openFile('needs-fixing.trunk.yaml');
    await workbench.squiggles(4);
    await workbench.hoverEditorText('SIP-ONLY', 'transfer_mode must be one of');
    await workbench.settle({ keepHover: true });
    await workbench.page.screenshot({ path: PICTURE });
  },
};
