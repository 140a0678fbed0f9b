// @ts-check
// The README's picture of termination: a trunk's Termination node with the IP access control
// list and the credential list it links, each expanded to what it allows, below the account's
// own list folders.

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: "a trunk's Termination node shows its domain and the lists it links, with their addresses and usernames",
  screenshot: 'termination.png',
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.resizeSideBar(560);
    await workbench.expand(/^sandbox/);
    await workbench.treeItem(/^IP Access Control Lists/).waitFor();
    await workbench.treeItem(/^Credential Lists/).waitFor();
    await workbench.expand(/^Elastic SIP Trunks/);
    await workbench.expand(/^Hooli Cloud Contact Center/);
    await workbench.expand(/^Termination hooli-cloud-contact-center-1\.pstn\.twilio\.com · secure/);
    await workbench.expand(/^DR site SBC/);
    // An address row carries its CIDR block.
    await workbench.treeItem(/^\d+\.\d+\.\d+\.\d+/).first().waitFor();
    await workbench.expand(/^Remote agents/);
    await workbench.treeItem(/^Remote agents/).waitFor();
  },
};
