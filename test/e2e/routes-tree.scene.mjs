// @ts-check
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo-paths.mjs';

// Where calls go, in the explorer: a BYOC trunk → the connection policy it sends calls through →
// the policy's targets in the order Twilio tries them; a CarrierX trunk → its endpoint → the
// endpoint's addresses, beside a trunk of the same group that has no endpoint.

const PICTURE = path.join(REPO_ROOT, 'media', 'screenshots', 'routes.png');

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: `a BYOC trunk shows its policy and targets, a CarrierX trunk its endpoint and addresses → ${path.relative(REPO_ROOT, PICTURE)}`,
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.resizeSideBar(560);
    await workbench.expand(/^sandbox/);

    await workbench.expand(/^BYOC Trunks/);
    await workbench.expand(/^Sipgate BYOC 2/);
    await workbench.expand(/^Colt origination 2/);
    // Targets in failover order: of one priority, the larger weight first.
    const targets = workbench.treeItem(/^edge \d/);
    await targets.nth(1).waitFor();
    const order = await targets.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    if (!/^edge 2/.test(order[0] ?? '') || !/^edge 1/.test(order[1] ?? '')) throw new Error(`targets not in failover order: ${order.join(' | ')}`);

    await workbench.expand(/^Trunk Groups/);
    await workbench.expand(/^EMEA Primary 3/);
    await workbench.expand(/^trunk01/);
    await workbench.treeItem(/^No endpoint/).waitFor();
    await workbench.expand(/^trunk02/);
    await workbench.expand(/^wayne-clinics-pbx-4/);
    await workbench.treeItem(/^sbc\.wayne-clinics\.example\.net/).waitFor();
    await workbench.treeItem(/^198\.51\.100\.17/).waitFor();
    await workbench.settle();
    await workbench.page.screenshot({ path: PICTURE });
  },
};
