// @ts-check
// A new user's first start opens Trunkline's getting-started walkthrough by itself, once
// (issue 16). The workbench `npm start` opens is a first start: fresh user data, trunk files in
// the folder (so Trunkline activates), nothing connected.
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'the first start of the workbench npm start opens shows the Trunkline walkthrough',
  startedAs: 'npm start',
  async run(workbench) {
    await workbench.page.locator('.gettingStartedContainer h2', { hasText: 'Get started with Trunkline' }).waitFor();
  },
};
