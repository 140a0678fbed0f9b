// @ts-check
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'Trunkline: Show Log opens the Trunkline log in the Output panel',
  async run(workbench) {
    await workbench.runCommand('Trunkline: Show Log');
    await workbench.page.locator('.part.panel').waitFor({ state: 'visible' });
    await workbench.page
      .locator('.part.panel select[aria-label="Switch Output"] option:checked', { hasText: /^Trunkline$/ })
      .first() // the panel renders the channel picker twice (toolbar and overflow)
      .waitFor({ state: 'attached' });
  },
};
