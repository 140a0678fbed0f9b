// @ts-check
// `npm start` must open the workbench a person gets. The tests' smoke-test driver hides every
// notification toast, so an error there looked like nothing happened (issue 16).
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'in the workbench npm start opens, a failed command shows an error toast with Show log',
  startedAs: 'npm start',
  async run(workbench) {
    // No account is connected yet: creating a trunk fails and says what to do.
    await workbench.runCommand('Trunkline: Create Elastic SIP Trunk');
    const toast = await workbench.toast(/No Twilio account is connected/);
    await toast.getByRole('button', { name: 'Show log' }).waitFor();
  },
};
