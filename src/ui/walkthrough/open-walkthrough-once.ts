/** The key in the extension's global state that records the walkthrough was offered. */
export const WALKTHROUGH_SHOWN_KEY = 'trunkline.walkthroughShown';

/** The part of `vscode.Memento` the first-run check needs (plain, so unit tests can hand a Map). */
export interface FirstRunState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

export interface FirstRunFacts {
  /** Accounts already connected: someone who has them is not new, whatever the state says. */
  accountCount: number;
  /** The user lets VS Code open walkthroughs and editors at start-up (their own say). */
  openOnInstall: boolean;
  /**
   * Asked just before opening: the user is already doing something (a command they ran
   * activated the extension). Then nothing opens over their work, and nothing is recorded: the
   * walkthrough is offered at a later start instead.
   */
  busy?: () => boolean;
}

/**
 * Opens the getting-started walkthrough the first time the extension runs for a new user, and
 * never again: the state is written before opening, so a failed or closed walkthrough is not
 * offered twice. Returns whether it opened.
 */
export async function openWalkthroughOnce(state: FirstRunState, facts: FirstRunFacts, open: () => PromiseLike<unknown>): Promise<boolean> {
  if (state.get<boolean>(WALKTHROUGH_SHOWN_KEY)) return false;
  if (facts.busy?.()) return false;
  await state.update(WALKTHROUGH_SHOWN_KEY, true);
  if (!facts.openOnInstall || facts.accountCount > 0) return false;
  await open();
  return true;
}
