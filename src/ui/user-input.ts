/**
 * The prompts a command may show. Commands ask through this interface only, so the same flow
 * runs against VS Code's quick input in the editor and against a scripted double in tests
 * (which fails on any prompt it did not expect).
 */
export interface PickItem<T> {
  label: string;
  description?: string | undefined;
  detail?: string | undefined;
  /** Pre-selected in a multi-select pick; the active item (the answer kept from before) in a single pick. */
  picked?: boolean | undefined;
  /** Codicon id, e.g. "server". */
  icon?: string | undefined;
  value: T;
}

export interface StepInfo {
  step: number;
  totalSteps: number;
}

export interface PickOptions {
  title: string;
  placeholder?: string | undefined;
  step?: StepInfo | undefined;
  /** Let the user type a filter that also matches descriptions (e.g. E.164 numbers). */
  matchOnDescription?: boolean | undefined;
  /** Offers a Back button (a wizard's later step); pressing it rejects with GoBackError. */
  canGoBack?: boolean | undefined;
  /** Why the last answer failed (e.g. the provider's message), shown until the user changes it. */
  problem?: string | undefined;
}

export interface SearchOptions {
  title: string;
  placeholder?: string | undefined;
}

/** What a search shows for the text typed so far: the items, and a line above them when there is something to say. */
export interface SearchResult<T> {
  items: PickItem<T>[];
  /** E.g. "Loading…", "No number contains 555", "Showing the first 100: type more digits". */
  message?: string | undefined;
}

export interface InputOptions {
  title: string;
  prompt?: string | undefined;
  value?: string | undefined;
  placeholder?: string | undefined;
  /** Masks what is typed (tokens, secrets). */
  password?: boolean | undefined;
  step?: StepInfo | undefined;
  /** Returns the problem with the value, checked as the user types; undefined = fine. */
  validate?: ((value: string) => string | undefined | Promise<string | undefined>) | undefined;
  /**
   * Checked once when the user accepts (it may ask the provider, so not on every keystroke);
   * a problem keeps the box open with the message shown.
   */
  validateOnAccept?: ((value: string) => Promise<string | undefined>) | undefined;
  /** Offers a Back button (a wizard's later step); pressing it rejects with GoBackError. */
  canGoBack?: boolean | undefined;
  /** Why the last answer failed (e.g. the provider's message), shown until the user changes the value. */
  problem?: string | undefined;
}

export interface ConfirmOptions {
  /** Second line of the modal. */
  detail?: string | undefined;
  /** The label of the button that confirms, e.g. "Delete". */
  action: string;
}

export interface UserInput {
  /** Resolves with the chosen item's value; rejects with UserCancelledError on Escape. */
  pick<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions): Promise<T>;
  pickMany<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions): Promise<T[]>;
  /**
   * A pick whose items the command computes from what is typed (not the quick pick's own
   * label filter): `find` runs for each change of the text. Rejects with UserCancelledError on Escape.
   */
  search<T>(find: (query: string) => SearchResult<T> | Promise<SearchResult<T>>, options: SearchOptions): Promise<T>;
  input(options: InputOptions): Promise<string>;
  /** A modal confirmation; resolves true only when the user pressed `action`. */
  confirm(message: string, options: ConfirmOptions): Promise<boolean>;
  /** A modal question with several answers; resolves with the one pressed, undefined when dismissed. */
  ask(message: string, options: AskOptions): Promise<string | undefined>;
}

export interface AskOptions {
  detail?: string | undefined;
  actions: string[];
}

/** Thrown when the user dismisses a prompt: the command stops quietly. */
export class UserCancelledError extends Error {
  override readonly name = 'UserCancelledError';
  constructor() {
    super('Cancelled by the user');
  }
}

/** Thrown when the user presses a wizard step's Back button: the wizard asks the previous step again. */
export class GoBackError extends Error {
  override readonly name = 'GoBackError';
  constructor() {
    super('Back');
  }
}

/** True for a Back press (checked by name, as isUserCancelled). */
export function isGoBack(e: unknown): boolean {
  return e instanceof Error && e.name === 'GoBackError';
}

/**
 * True for a dismissed prompt. Checked by name, not instanceof: a test double bundled apart
 * from the extension throws its own copy of the class.
 */
export function isUserCancelled(e: unknown): boolean {
  return e instanceof Error && e.name === 'UserCancelledError';
}
