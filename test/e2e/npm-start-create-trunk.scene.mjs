// @ts-check
// A person's first create, in the workbench `npm start` opens: the wizard counts only the steps
// it asks, the new trunk is revealed and selected in the Trunks view, and the message offers
// Copy SID and Export to Trunk File.
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'after Create Elastic SIP Trunk the new trunk is selected and the message offers Copy SID and Export',
  startedAs: 'npm start',
  screenshot: 'created.png',
  async run(workbench) {
    const { page } = workbench;
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.treeItem(/^sandbox/).waitFor();
    await workbench.resizeSideBar(520);
    await workbench.startCommand('Trunkline: Create Elastic SIP Trunk');
    const box = page.locator('.quick-input-widget');
    const input = box.locator('input');
    // One account: no account step, so the first question is 1 of 4.
    await box.locator('.quick-input-title', { hasText: '1/4' }).waitFor();
    await input.fill('First Hour');
    await input.press('Enter');
    await box.locator('.quick-input-title', { hasText: '2/4' }).waitFor();
    await input.press('Enter'); // the suggested domain, from the name
    await box.locator('.quick-input-title', { hasText: '3/4' }).waitFor();
    await input.press('Enter'); // Secure
    await box.locator('.quick-input-title', { hasText: '4/4' }).waitFor();
    await input.press('Enter'); // the first transfer mode
    const toast = await workbench.toast(/Created trunk "First Hour"/);
    await toast.getByRole('button', { name: 'Copy SID' }).waitFor();
    await toast.getByRole('button', { name: 'Export to Trunk File' }).waitFor();
    await page.locator('[role="treeitem"][aria-selected="true"]', { hasText: 'First Hour' }).waitFor();
  },
};
