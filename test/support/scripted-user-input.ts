import type { AskOptions, ConfirmOptions, InputOptions, PickItem, PickOptions, SearchOptions, SearchResult, UserInput } from '../../src/ui/user-input';
import { GoBackError, UserCancelledError } from '../../src/ui/user-input';

/** One expected prompt and its answer. Labels match by exact string or RegExp. */
export type ScriptedAnswer = (
  | { pick: string | RegExp; title?: RegExp }
  | { pickMany: (string | RegExp)[]; title?: RegExp }
  /** Types `search` (each prefix in turn, as a user would) into a search, then picks `pick` among what it shows. */
  | { search: string; pick: string | RegExp; title?: RegExp; /** among items of the same label (a number in two accounts) */ description?: RegExp }
  | { input: string; title?: RegExp; /** the answer must be rejected with this problem */ rejectedWith?: RegExp }
  /** `meanwhile` runs while the confirmation is on screen, before it is answered (e.g. a colleague's change). */
  | { confirm: boolean; message?: RegExp; detail?: RegExp; meanwhile?: () => Promise<void> }
  | { ask: string | undefined; message?: RegExp }
  | { cancel: 'pick' | 'pickMany' | 'search' | 'input' | 'confirm' | 'ask' }
  /** Presses the Back button of a wizard step (fails when the step offers none). */
  | { back: 'pick' | 'input' }
) & {
  /** Runs after this answer is given, e.g. a colleague changes the account meanwhile. */
  then?: () => Promise<void>;
};

export interface AskedPrompt {
  kind: 'pick' | 'pickMany' | 'search' | 'input' | 'confirm' | 'ask';
  title: string;
  /** For picks: the labels and descriptions offered. */
  offered?: { label: string; description?: string | undefined; detail?: string | undefined; picked?: boolean | undefined }[];
  detail?: string | undefined;
  /** The value an input box opened with (e.g. the answer kept from before). */
  value?: string | undefined;
  /** The problem shown when the prompt opened (e.g. the provider's message). */
  problem?: string | undefined;
  /** "2/5": the step count shown. */
  step?: string | undefined;
  canGoBack?: boolean | undefined;
  /** An input box that masks what is typed. */
  password?: boolean | undefined;
}

/**
 * A UserInput that answers from a script and FAILS on any prompt it did not expect (wrong
 * kind, unmatched label, answers left over), the way Azure's TestUserInput does. An input
 * answer runs the prompt's own validation, so a rejected value fails the test unless the
 * step says it should be rejected.
 */
export class ScriptedUserInput implements UserInput {
  readonly asked: AskedPrompt[] = [];
  private readonly steps: ScriptedAnswer[];

  constructor(steps: ScriptedAnswer[]) {
    this.steps = [...steps];
  }

  get remaining(): number {
    return this.steps.length;
  }

  assertDone(): void {
    if (this.steps.length > 0) throw new Error(`${this.steps.length} scripted answer(s) were never asked for: ${JSON.stringify(this.steps)}`);
  }

  async pick<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions): Promise<T> {
    const loaded = await items;
    const step = this.next('pick', options.title, { offered: describe(loaded), ...this.wizardState(options) });
    if ('cancel' in step) throw new UserCancelledError();
    if ('back' in step) return this.back(options);
    const s = step as { pick: string | RegExp; title?: RegExp };
    this.checkTitle(s.title, options.title);
    const chosen = this.find(loaded, s.pick, options.title).value;
    await step.then?.();
    return chosen;
  }

  async pickMany<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions): Promise<T[]> {
    const loaded = await items;
    const step = this.next('pickMany', options.title, { offered: describe(loaded) });
    if ('cancel' in step) throw new UserCancelledError();
    const s = step as { pickMany: (string | RegExp)[]; title?: RegExp };
    this.checkTitle(s.title, options.title);
    const chosen = s.pickMany.map((label) => this.find(loaded, label, options.title).value);
    await step.then?.();
    return chosen;
  }

  async search<T>(find: (query: string) => SearchResult<T> | Promise<SearchResult<T>>, options: SearchOptions): Promise<T> {
    const step = this.next('search', options.title, {});
    if ('cancel' in step) throw new UserCancelledError();
    const s = step as { search: string; pick: string | RegExp; title?: RegExp; description?: RegExp };
    this.checkTitle(s.title, options.title);
    let result = await find('');
    for (let i = 1; i <= s.search.length; i++) result = await find(s.search.slice(0, i));
    const asked = this.asked.at(-1)!;
    asked.offered = describe(result.items);
    asked.detail = result.message;
    const described = s.description;
    const candidates = described ? result.items.filter((i) => described.test(i.description ?? '')) : result.items;
    const chosen = this.find(candidates, s.pick, options.title).value;
    await step.then?.();
    return chosen;
  }

  async input(options: InputOptions): Promise<string> {
    const title = `${options.title}${options.prompt ? ` — ${options.prompt}` : ''}`;
    for (let first = true; ; first = false) {
      const step = this.next('input', title, first ? { value: options.value, ...(options.password ? { password: true } : {}), ...this.wizardState(options) } : {});
      if ('cancel' in step) throw new UserCancelledError();
      if ('back' in step) return this.back(options);
      const s = step as { input: string; title?: RegExp; rejectedWith?: RegExp };
      this.checkTitle(s.title, title);
      let problem = options.validate ? await options.validate(s.input) : undefined;
      if (!problem && options.validateOnAccept) problem = await options.validateOnAccept(s.input);
      if (s.rejectedWith) {
        if (!problem || !s.rejectedWith.test(problem)) {
          throw new Error(`Expected "${s.input}" to be rejected with ${s.rejectedWith} at "${title}", got ${problem ?? 'no problem'}`);
        }
        continue; // like a user who reads the message and types again
      }
      if (problem) throw new Error(`Scripted answer "${s.input}" was rejected at "${title}": ${problem}`);
      await step.then?.();
      return s.input;
    }
  }

  async confirm(message: string, options: ConfirmOptions): Promise<boolean> {
    const step = this.next('confirm', message, { detail: options.detail });
    if ('cancel' in step) return false;
    const s = step as { confirm: boolean; message?: RegExp; detail?: RegExp; meanwhile?: () => Promise<void> };
    if (s.message && !s.message.test(message)) throw new Error(`Confirmation "${message}" does not match ${s.message}`);
    if (s.detail && !s.detail.test(options.detail ?? '')) throw new Error(`Confirmation detail "${options.detail}" does not match ${s.detail}`);
    await s.meanwhile?.();
    await step.then?.();
    return s.confirm;
  }

  async ask(message: string, options: AskOptions): Promise<string | undefined> {
    const step = this.next('ask', message, { detail: options.detail, offered: options.actions.map((label) => ({ label })) });
    if ('cancel' in step) return undefined;
    const s = step as { ask: string | undefined; message?: RegExp };
    if (s.message && !s.message.test(message)) throw new Error(`Question "${message}" does not match ${s.message}`);
    if (s.ask !== undefined && !options.actions.includes(s.ask)) throw new Error(`No answer "${s.ask}" to "${message}"; offered: ${options.actions.join(', ')}`);
    await step.then?.();
    return s.ask;
  }

  private wizardState(options: { step?: { step: number; totalSteps: number } | undefined; problem?: string | undefined; canGoBack?: boolean | undefined }) {
    return {
      step: options.step ? `${options.step.step}/${options.step.totalSteps}` : undefined,
      problem: options.problem,
      canGoBack: options.canGoBack,
    };
  }

  private back(options: { canGoBack?: boolean | undefined; title: string }): never {
    if (!options.canGoBack) throw new Error(`"${options.title}" offers no Back button`);
    throw new GoBackError();
  }

  private next(kind: AskedPrompt['kind'], title: string, extra: Partial<AskedPrompt>): ScriptedAnswer {
    this.asked.push({ kind, title, ...extra });
    const step = this.steps.shift();
    if (!step) throw new Error(`Unexpected ${kind} prompt: "${title}" (the script has no answers left)`);
    const stepKind = 'cancel' in step ? step.cancel : 'back' in step ? step.back : 'search' in step ? 'search' : 'pick' in step ? 'pick' : 'pickMany' in step ? 'pickMany' : 'input' in step ? 'input' : 'ask' in step ? 'ask' : 'confirm';
    if (stepKind !== kind) throw new Error(`Unexpected ${kind} prompt: "${title}" (the script expected a ${stepKind})`);
    return step;
  }

  private checkTitle(expected: RegExp | undefined, actual: string): void {
    if (expected && !expected.test(actual)) throw new Error(`Prompt "${actual}" does not match ${expected}`);
  }

  private find<T>(items: PickItem<T>[], label: string | RegExp, title: string): PickItem<T> {
    const found = items.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
    if (!found) throw new Error(`No item ${String(label)} in "${title}"; offered: ${items.map((i) => i.label).join(', ')}`);
    return found;
  }
}

function describe<T>(items: PickItem<T>[]) {
  return items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, picked: i.picked }));
}
