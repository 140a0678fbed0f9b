// @ts-check
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo-paths.mjs';

// The number inventory: the account's Phone Numbers, each row saying which trunk the number is
// on or "not on a trunk"; then Find Number… from the view's title, with digits typed, listing
// the matches of every connected account (Twilio numbers and CarrierX DIDs).

const INVENTORY = path.join(REPO_ROOT, 'media', 'screenshots', 'number-inventory.png');
const FIND = path.join(REPO_ROOT, 'media', 'screenshots', 'find-number.png');

/** @type {import('./workbench-page.mjs').Scene} */
export const scene = {
  title: `Phone Numbers lists every number with its trunk, and Find Number searches by digits → ${path.relative(REPO_ROOT, INVENTORY)}, ${path.relative(REPO_ROOT, FIND)}`,
  async run(workbench) {
    const { page } = workbench;
    await workbench.openViewContainer('Trunkline');
    const view = await workbench.view('Trunks');
    await view.getByRole('button', { name: 'Try the Sandbox' }).click();
    await workbench.resizeSideBar(560);
    await workbench.expand(/^sandbox/);
    // The Twilio inventory (the CarrierX one is "Phone Numbers (CarrierX)").
    await workbench.expand(/^Phone Numbers(?! \(CarrierX\))/);
    // The first page of the Sandbox's 300 numbers: some on a trunk, by name; some on none.
    await workbench.treeItem(/^\+1\d{10} on "[^"]+"/).first().waitFor();
    await workbench.treeItem(/^\+1\d{10} not on a trunk/).first().waitFor();
    await workbench.settle();
    await page.screenshot({ path: INVENTORY });

    await view.hover();
    await page.getByRole('button', { name: /^Find Number/ }).first().click();
    const input = page.locator('.quick-input-widget input[placeholder^="Digits of the number"]');
    await input.waitFor();
    await input.pressSequentially('415');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const twilio = rows.filter({ has: page.locator('.codicon-cloud') });
    const carrierx = rows.filter({ has: page.locator('.codicon-globe') });
    // Twilio numbers on a trunk and on none, CarrierX DIDs on a trunk group and on none.
    await twilio.filter({ hasText: /\+1415\d{7}.*sandbox · on "/ }).first().waitFor();
    await twilio.filter({ hasText: /\+1415\d{7}.*sandbox · not on a trunk/ }).first().waitFor();
    await carrierx.filter({ hasText: /\+1415\d{7}.*sandbox · (on "|unassigned)/ }).first().waitFor();
    await workbench.settle();
    await page.screenshot({ path: FIND });
  },
};
