// @ts-check
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'Trunkline: Show Log opens the Trunkline log in the Output panel',
  async run(workbench) {
    const panel = workbench.page.locator('.part.panel');
    // In a full run the palette's Enter was lost twice in CI (the panel never opened); the
    // command is run once more then, as startCommand presses the palette key again.
    for (let attempt = 1; ; attempt++) {
      await workbench.runCommand('Trunkline: Show Log');
      const shown = await panel.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
      if (shown || attempt === 2) break;
    }
    await workbench.page
      .locator('.part.panel select[aria-label="Switch Output"] option:checked', { hasText: /^Trunkline$/ })
      .first() // the panel renders the channel picker twice (toolbar and overflow)
      .waitFor({ state: 'attached' });
  },
};
