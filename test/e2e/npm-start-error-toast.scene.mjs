// @ts-check
// `npm start` must open the workbench a person gets. The tests' smoke-test driver hides every
// notification toast, so an error there looked like nothing happened (issue 16).
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'in the workbench npm start opens, a failed command shows an error toast with Show log',
  startedAs: 'npm start',
  async run(workbench) {
    // What a new user sees first: the walkthrough opens by itself a moment after start-up (it
    // would take the focus from a Command Palette opened in that moment, as it would a person's).
    const walkthrough = workbench.page.locator('.gettingStartedContainer h2', { hasText: 'Get started with Trunkline' });
    await walkthrough.waitFor();
    await walkthrough.click(); // where a person's eyes and pointer are
    // No account is connected yet: creating a trunk fails and says what to do.
    await workbench.runCommand('Trunkline: Create Elastic SIP Trunk');
    const toast = await workbench.toast(/No Twilio account is connected/);
    await toast.getByRole('button', { name: 'Show log' }).waitFor();
  },
};
