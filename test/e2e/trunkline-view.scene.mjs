// @ts-check
/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: 'the Trunkline activity-bar item opens the Trunks view',
  screenshot: 'tree.png',
  async run(workbench) {
    await workbench.openViewContainer('Trunkline');
    await workbench.view('Trunks');
  },
};
