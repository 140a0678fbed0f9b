// @ts-check
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo-paths.mjs';

// A trunk file that cannot carry calls as written: the call-readiness warnings at `spec`, and
// hovering them gives each rule's consequence and the provider's own words.

const PICTURE = path.join(REPO_ROOT, 'media', 'screenshots', 'readiness-warning.png');

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: `a trunk that cannot carry calls warns at the key to change → ${path.relative(REPO_ROOT, PICTURE)}`,
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.treeItem(/^sandbox/).waitFor();
    await workbench.openFile('not-ready.trunk.yaml');
    await workbench.hoverEditorText('spec', 'If empty, the domain will not receive any traffic');
    await workbench.settle({ keepHover: true });
    await workbench.page.screenshot({ path: PICTURE });
  },
};
