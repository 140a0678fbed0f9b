// @ts-check
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'the Trunkline activity-bar item opens the Trunks view, with its welcome for a new user',
  screenshot: 'welcome.png',
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    // The welcome shows once the extension has told the view it has no rows.
    await view.getByRole('button', { name: 'Try the Sandbox' }).waitFor();
    await view.getByRole('button', { name: 'Add Account' }).waitFor();
  },
};
