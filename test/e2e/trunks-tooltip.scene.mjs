// @ts-check
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo-paths.mjs';

// A trunk's tooltip: its settings at a glance, without opening anything. The runner's own
// picture is taken after the pointer has moved away, so this scene takes its picture itself,
// with the pointer resting on the row.

const PICTURE = path.join(REPO_ROOT, 'media', 'screenshots', 'tooltip.png');

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: `hovering a trunk shows its settings in a tooltip → ${path.relative(REPO_ROOT, PICTURE)}`,
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.resizeSideBar(560);
    await workbench.expand(/^sandbox/);
    await workbench.expand(/^Elastic SIP Trunks/);
    const tooltip = await workbench.hoverTooltip(/^Globex Retail Main/, 'domain_name');
    await tooltip.getByText('Recording ·').waitFor();
    await workbench.settle({ keepHover: true });
    await workbench.page.screenshot({ path: PICTURE });
  },
};
