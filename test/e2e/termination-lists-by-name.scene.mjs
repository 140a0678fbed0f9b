// @ts-check
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo-paths.mjs';

// A trunk file that names its termination lists by friendly_name, as a person writes them;
// hovering a name shows which list of the account it resolves to and the addresses it allows.

const PICTURE = path.join(REPO_ROOT, 'media', 'screenshots', 'termination-lists-hover.png');

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: `a trunk file names its lists by name; the hover shows the list's addresses → ${path.relative(REPO_ROOT, PICTURE)}`,
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.treeItem(/^sandbox/).waitFor();
    await workbench.openFile('front-desk.trunk.yaml');
    // The Sandbox's "HQ SBC" list, by its sid, with both of its addresses and their CIDR blocks.
    const hover = await workbench.hoverEditorText('HQ SBC', /IP access control list "HQ SBC"/i);
    await hover.getByText(/AL[0-9a-f]{32}/).waitFor();
    await hover.getByText('203.0.113.10/32 (sbc-1)').waitFor();
    await hover.getByText('203.0.113.11/32 (sbc-2)').waitFor();
    await workbench.settle({ keepHover: true });
    await workbench.page.screenshot({ path: PICTURE });
  },
};
