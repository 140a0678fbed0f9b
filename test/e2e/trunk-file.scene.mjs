// @ts-check
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'a trunk file opens in the editor beside the Trunks view',
  screenshot: 'trunk-file.png',
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    await workbench.view('Trunks');
    await workbench.openFile('acme-main.trunk.yaml');
    await workbench.page.getByText('acme-main.pstn.twilio.com').first().waitFor();
  },
};
