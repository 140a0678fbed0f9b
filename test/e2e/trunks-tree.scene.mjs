// @ts-check
// The README's picture of the explorer: a new user's first minute, from the welcome view's
// "Try the Sandbox" button to the numbers on a trunk. The workbench of each scene starts with
// no account (fresh browser storage), so the scene connects the sandbox itself.

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'Try the Sandbox, then expand the account, its trunks, a trunk and its phone numbers',
  screenshot: 'tree.png',
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.resizeSideBar(560);
    await workbench.expand(/^sandbox/);
    await workbench.expand(/^Elastic SIP Trunks/);
    // Every trunk's row counts its numbers before anything below it is expanded.
    await workbench.treeItem(/^Acme Logistics Failover .* · \d+ numbers?$/).waitFor();
    await workbench.expand(/^Acme Logistics Failover/);
    await workbench.treeItem(/^Phone Numbers \d+/).waitFor();
    await workbench.expand(/^Phone Numbers \d+/);
    await workbench.treeItem(/^\+1/).first().waitFor();
  },
};
