// @ts-check
// What an e2e scene can do in the workbench, phrased as a person's actions (click the activity
// bar, open a file, run a command), so that scenes read like the feature. Locators use the
// accessible names VS Code gives its parts; add an action here when a second scene needs it.
import { VIEWPORT } from '../../scripts/code-server-workbench.mjs';

const UI_TIMEOUT_MS = 30_000;
/** What must be gone before a picture: transient UI that would otherwise land in it. */
const BUSY_SELECTORS = {
  'a hover tooltip': '.monaco-hover',
  'a progress bar': '.monaco-progress-container.active',
  'a progress badge in the activity bar': '.part.activitybar .badge .codicon',
  'a scrollbar the pointer revealed': '.monaco-scrollable-element > .scrollbar.visible',
};

/**
 * @typedef {object} Scene
 * @property {string} title what the scene shows, as the runner prints it
 * @property {string} [screenshot] file name under media/screenshots/, taken after `run` settles
 * @property {'npm start'} [startedAs] run in the workbench `npm start` opens (no test options,
 *   the extension installed, samples/workspace open) instead of the test session's
 * @property {(workbench: WorkbenchPage) => Promise<void>} run drives the UI; throws (e.g. a
 *   locator wait times out) when the feature does not show what it should
 */

export class WorkbenchPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /**
   * Waits until the workbench has finished restoring. The first paint uses a placeholder theme;
   * the real one (VS Code's default, Light 2026; this workbench does not take the color theme
   * from user settings at start-up) replaces it once the extension hosts are up, seconds later.
   */
  async restored() {
    await this.page.locator('.monaco-workbench[class*="vscode-theme-"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  }

  /** Clicks the activity-bar item of a view container, e.g. "Trunkline", and waits for the side bar to show it. */
  async openViewContainer(/** @type {string} */ title) {
    await this.page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`).click({ timeout: UI_TIMEOUT_MS });
    // A container with one view titles itself "<container>: <view>".
    await this.page
      .locator('.part.sidebar .composite.title h2')
      .filter({ hasText: new RegExp(`^${escapeRegExp(title)}(:|$)`) })
      .waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** The body of a side-bar view by its name, e.g. "Trunks"; waits until it is shown. */
  async view(/** @type {string} */ name) {
    const body = this.page
      .locator('.part.sidebar .pane')
      .filter({ has: this.page.locator(`.pane-header[aria-label="${name} Section"]`) })
      .locator('.pane-body');
    await body.waitFor({ timeout: UI_TIMEOUT_MS });
    return body;
  }

  /** A row of any tree or list in the workbench by its accessible name. */
  treeItem(/** @type {string | RegExp} */ name) {
    return this.page.getByRole('treeitem', { name });
  }

  /** Clicks a collapsed tree row, as a person expands it, and waits until it shows as expanded. */
  async expand(/** @type {string | RegExp} */ name) {
    const row = this.treeItem(name);
    await row.click({ timeout: UI_TIMEOUT_MS });
    await row.and(this.page.locator('[aria-expanded="true"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    return row;
  }

  /** Rests the pointer on a tree row until its tooltip shows `text`; returns the tooltip. */
  async hoverTooltip(/** @type {string | RegExp} */ name, /** @type {string | RegExp} */ text) {
    await this.treeItem(name).hover({ timeout: UI_TIMEOUT_MS });
    const tooltip = this.page.locator('.monaco-hover').filter({ hasText: text });
    await tooltip.waitFor({ timeout: UI_TIMEOUT_MS });
    return tooltip;
  }

  /** Drags the sash on the side bar's edge, as a person widens it, to `width` pixels. */
  async resizeSideBar(/** @type {number} */ width) {
    const sideBar = this.page.locator('.part.sidebar');
    const box = await sideBar.boundingBox();
    if (!box) throw new Error('the side bar is not shown');
    const y = Math.round(box.y + box.height / 2);
    await this.page.mouse.move(Math.round(box.x + box.width), y);
    await this.page.mouse.down();
    await this.page.mouse.move(Math.round(box.x + width), y, { steps: 8 });
    await this.page.mouse.up();
    await this.page.waitForFunction(
      ([selector, wanted]) => Math.abs((document.querySelector(String(selector))?.getBoundingClientRect().width ?? 0) - Number(wanted)) <= 2,
      ['.part.sidebar', width],
      { timeout: UI_TIMEOUT_MS },
    );
  }

  /**
   * Right-clicks a tree row and chooses a context-menu item. The item is chosen with the
   * keyboard once the pointer rests on it: VS Code's menus ignore a click that lands right
   * after they open.
   */
  async contextMenu(/** @type {string | RegExp} */ row, /** @type {string} */ item) {
    await this.treeItem(row).click({ button: 'right', timeout: UI_TIMEOUT_MS });
    const entry = this.page.getByRole('menuitem', { name: item });
    await entry.hover({ timeout: UI_TIMEOUT_MS });
    await this.page.keyboard.press('Enter');
    await entry.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }

  /** Waits until the active editor underlines at least `count` problems. */
  async squiggles(/** @type {number} */ count) {
    await this.page.waitForFunction(
      (wanted) => document.querySelectorAll('.editor-group-container.active .squiggly-error').length >= Number(wanted),
      count,
      { timeout: UI_TIMEOUT_MS },
    );
  }

  /** A code lens above a line of the active editor, by its text (e.g. "Push", /in sync/). */
  codeLens(/** @type {string | RegExp} */ text) {
    return this.page.locator('.editor-group-container.active .codelens-decoration a').filter({ hasText: text }).first();
  }

  /**
   * Clicks text in the active editor and shows its hover from the keyboard (Ctrl+K Ctrl+I), as a
   * person checks a squiggle; returns the hover once it contains `expected`.
   */
  async hoverEditorText(/** @type {string} */ text, /** @type {string | RegExp} */ expected) {
    const hover = this.page.locator('.monaco-hover').filter({ hasText: expected });
    // The chord can land while the editor is still taking focus from the click: try again, as a person would.
    for (let attempt = 1; ; attempt++) {
      await this.page.locator('.editor-group-container.active .view-lines span span', { hasText: text }).first().click({ timeout: UI_TIMEOUT_MS });
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      try {
        await hover.waitFor({ timeout: attempt < 3 ? 5_000 : UI_TIMEOUT_MS });
        return hover;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Selects the first occurrence of `text` in the active editor (Find, then Escape) and types over it. */
  async replaceInEditor(/** @type {string} */ text, /** @type {string} */ replacement) {
    await this.page.locator('.editor-group-container.active .view-lines').click();
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
    await find.fill(text);
    await this.page.locator('.editor-group-container.active .find-widget .matchesCount', { hasText: /^1 of/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.type(replacement);
  }

  /** The modal dialog the workbench shows (confirmations), once it is up. */
  async dialog(/** @type {string | RegExp} */ text) {
    const box = this.page.locator('.monaco-dialog-box').filter({ hasText: text });
    await box.waitFor({ timeout: UI_TIMEOUT_MS });
    return box;
  }

  /** Opens a file of the fixture workspace through Quick Open (Ctrl+P), as a keyboard user would. */
  async openFile(/** @type {string} */ relativePath) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(relativePath);
    await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await input.press('Enter');
    const name = relativePath.split('/').pop() ?? relativePath;
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** A notification toast (not the notification center) showing `text`, once it is up. */
  async toast(/** @type {string | RegExp} */ text) {
    const toast = this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });
    await toast.waitFor({ timeout: UI_TIMEOUT_MS });
    return toast;
  }

  /** Runs a command from the Command Palette by its label, e.g. "Trunkline: Show Log". */
  async runCommand(/** @type {string} */ label) {
    await this.startCommand(label);
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }

  /** Starts a command from the Command Palette whose own prompts follow in the same quick input (a wizard). */
  async startCommand(/** @type {string} */ label) {
    const input = this.page.locator('.quick-input-widget input');
    // A key press can be lost while the workbench moves the focus (an editor opening by
    // itself, e.g. the walkthrough at a first start): press again until the palette is up.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+Shift+P');
      const up = await input.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
      if (up || attempt === 3) break;
    }
    await input.fill(`>${label}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await input.press('Enter');
  }

  /**
   * Brings the page to a picture-ready state: no hover tooltip from the last click, no
   * progress bar or activity-bar progress badge still spinning, fonts (codicons) loaded.
   * With `keepHover`, the pointer stays where it is and its tooltip is the subject.
   */
  async settle({ keepHover = false } = {}) {
    // The empty middle of the status bar has no hover of its own; moving there in steps makes
    // the element under the pointer see it leave, which dismisses its tooltip.
    if (!keepHover) await this.page.mouse.move(Math.round(VIEWPORT.width / 2), VIEWPORT.height - 8, { steps: 4 });
    // With the pointer kept where it is, its tooltip and the scrollbar it reveals are part of the picture.
    const kept = ['a hover tooltip', 'a scrollbar the pointer revealed'];
    const busySelectors = keepHover ? Object.fromEntries(Object.entries(BUSY_SELECTORS).filter(([what]) => !kept.includes(what))) : BUSY_SELECTORS;
    const deadline = Date.now() + UI_TIMEOUT_MS;
    for (;;) {
      const busy = await this.page.evaluate((selectors) => {
        const shown = (/** @type {Element} */ e) => e instanceof HTMLElement && e.offsetParent !== null;
        const found = Object.entries(selectors)
          .filter(([, selector]) => Array.from(document.querySelectorAll(selector)).some(shown))
          .map(([what]) => what);
        // Fades (a hidden scrollbar, a closing hover) run as CSS transitions for a moment longer.
        const fading = document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
        return fading ? [...found, 'an animation still running'] : found;
      }, busySelectors);
      if (busy.length === 0) break;
      if (Date.now() > deadline) throw new Error(`the workbench did not settle within ${UI_TIMEOUT_MS / 1000} s: still showing ${busy.join(', ')}`);
      await this.page.waitForTimeout(100);
    }
    await this.page.evaluate(() => document.fonts.ready);
  }
}

function escapeRegExp(/** @type {string} */ text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
