import * as vscode from 'vscode';
import {
  GoBackError,
  UserCancelledError,
  type AskOptions,
  type ConfirmOptions,
  type InputOptions,
  type PickItem,
  type PickOptions,
  type SearchOptions,
  type SearchResult,
  type UserInput,
} from './user-input';

type QuickPickEntry<T> = vscode.QuickPickItem & { value: T };

/** UserInput on VS Code's quick input: step counts in the title, live validation, Escape = cancel. */
export class VsCodeUserInput implements UserInput {
  async pick<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions): Promise<T> {
    const [choice] = await this.show(items, options, false);
    if (!choice) throw new UserCancelledError();
    return choice.value;
  }

  async pickMany<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions): Promise<T[]> {
    return (await this.show(items, options, true)).map((c) => c.value);
  }

  search<T>(find: (query: string) => SearchResult<T> | Promise<SearchResult<T>>, options: SearchOptions): Promise<T> {
    return new Promise((resolve, reject) => {
      const qp = vscode.window.createQuickPick<QuickPickEntry<T | undefined>>();
      qp.title = options.title;
      qp.placeholder = options.placeholder;
      qp.ignoreFocusOut = true;
      // The command matched the items already (by digits, say): the quick pick's own label filter would hide them.
      qp.matchOnDescription = false;
      let accepted = false;
      let run = 0;
      const update = async (query: string) => {
        const mine = ++run;
        qp.busy = true;
        try {
          const result = await find(query);
          if (mine !== run) return;
          const entries: QuickPickEntry<T | undefined>[] = result.items.map((item) => ({
            label: item.icon ? `$(${item.icon}) ${item.label}` : item.label,
            description: item.description,
            detail: item.detail,
            value: item.value,
            alwaysShow: true,
          }));
          if (result.message) entries.unshift({ label: result.message, kind: vscode.QuickPickItemKind.Separator, value: undefined, alwaysShow: true });
          qp.items = entries;
        } catch (e) {
          if (mine !== run) return;
          accepted = true;
          qp.hide();
          reject(e);
        } finally {
          if (mine === run) qp.busy = false;
        }
      };
      qp.onDidChangeValue((value) => void update(value));
      qp.onDidAccept(() => {
        const [chosen] = qp.activeItems;
        if (!chosen || chosen.value === undefined) return;
        accepted = true;
        resolve(chosen.value);
        qp.hide();
      });
      qp.onDidHide(() => {
        qp.dispose();
        if (!accepted) reject(new UserCancelledError());
      });
      qp.show();
      void update('');
    });
  }

  input(options: InputOptions): Promise<string> {
    return new Promise((resolve, reject) => {
      const box = vscode.window.createInputBox();
      box.title = options.title;
      box.prompt = options.prompt;
      box.value = options.value ?? '';
      box.placeholder = options.placeholder;
      box.password = options.password ?? false;
      box.ignoreFocusOut = true;
      if (options.step) {
        box.step = options.step.step;
        box.totalSteps = options.step.totalSteps;
      }
      if (options.canGoBack) box.buttons = [vscode.QuickInputButtons.Back];
      let accepted = false;
      let goBack = false;
      let validation = 0;
      const validate = async (value: string): Promise<boolean> => {
        const run = ++validation;
        const problem = options.validate ? await options.validate(value) : undefined;
        if (run === validation) box.validationMessage = problem;
        return problem === undefined;
      };
      box.onDidChangeValue((value) => void validate(value));
      box.onDidTriggerButton((button) => {
        if (button !== vscode.QuickInputButtons.Back) return;
        goBack = true;
        box.hide();
      });
      box.onDidAccept(async () => {
        box.busy = true;
        let ok = await validate(box.value);
        if (ok && options.validateOnAccept) {
          const value = box.value;
          const problem = await options.validateOnAccept(value);
          if (problem && value === box.value) box.validationMessage = problem;
          ok = problem === undefined;
        }
        box.busy = false;
        if (!ok) return;
        accepted = true;
        resolve(box.value);
        box.hide();
      });
      box.onDidHide(() => {
        box.dispose();
        if (!accepted) reject(goBack ? new GoBackError() : new UserCancelledError());
      });
      box.show();
      // The provider's message about this very value stays until the user changes it.
      if (options.problem) box.validationMessage = options.problem;
      else if (box.value) void validate(box.value);
    });
  }

  async confirm(message: string, options: ConfirmOptions): Promise<boolean> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, options.action);
    return choice === options.action;
  }

  async ask(message: string, options: AskOptions): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, ...options.actions);
  }

  private show<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions, many: boolean): Promise<readonly QuickPickEntry<T>[]> {
    return new Promise((resolve, reject) => {
      const qp = vscode.window.createQuickPick<QuickPickEntry<T>>();
      qp.title = options.title;
      qp.placeholder = options.placeholder;
      qp.canSelectMany = many;
      qp.matchOnDescription = options.matchOnDescription ?? false;
      qp.matchOnDetail = true;
      qp.ignoreFocusOut = true;
      if (options.step) {
        qp.step = options.step.step;
        qp.totalSteps = options.step.totalSteps;
      }
      if (options.canGoBack) qp.buttons = [vscode.QuickInputButtons.Back];
      // A quick pick has no validation message: the problem leads the placeholder.
      if (options.problem) qp.placeholder = [options.problem, options.placeholder].filter(Boolean).join(' — ');
      qp.busy = true;
      let accepted = false;
      let goBack = false;
      qp.onDidTriggerButton((button) => {
        if (button !== vscode.QuickInputButtons.Back) return;
        goBack = true;
        qp.hide();
      });
      qp.onDidAccept(() => {
        accepted = true;
        resolve(many ? qp.selectedItems : qp.activeItems.slice(0, 1));
        qp.hide();
      });
      qp.onDidHide(() => {
        qp.dispose();
        if (!accepted) reject(goBack ? new GoBackError() : new UserCancelledError());
      });
      qp.show();
      Promise.resolve(items).then(
        (loaded) => {
          const entries = loaded.map((item) => ({
            label: item.icon ? `$(${item.icon}) ${item.label}` : item.label,
            description: item.description,
            detail: item.detail,
            value: item.value,
            picked: item.picked,
          }));
          qp.items = entries;
          if (many) qp.selectedItems = entries.filter((e) => e.picked);
          else {
            const kept = entries.find((e) => e.picked);
            if (kept) qp.activeItems = [kept];
          }
          qp.busy = false;
        },
        (e: unknown) => {
          accepted = true;
          qp.hide();
          reject(e);
        },
      );
    });
  }
}
