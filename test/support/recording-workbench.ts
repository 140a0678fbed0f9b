import type { Workbench } from '../../src/ui/workbench';

/** A Workbench that records what a command showed, and clicks nothing unless told to. */
export class RecordingWorkbench implements Workbench {
  readonly messages: { level: 'info' | 'warn'; text: string; actions: string[] }[] = [];
  readonly progressTitles: string[] = [];
  readonly opened: string[] = [];
  readonly commands: { id: string; args: unknown[] }[] = [];
  clipboard = '';
  /** The action to click on the next notification that offers it. */
  clickNext: string | undefined;

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ level: 'info', text: message, actions });
    return this.click(actions);
  }

  async warn(message: string, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ level: 'warn', text: message, actions });
    return this.click(actions);
  }

  async withProgress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
    this.progressTitles.push(title);
    return task(() => {}, new AbortController().signal);
  }

  async writeClipboard(text: string): Promise<void> {
    this.clipboard = text;
  }

  async openExternal(url: string): Promise<boolean> {
    this.opened.push(url);
    return true;
  }

  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    this.commands.push({ id, args });
    return undefined;
  }

  lastMessage(): string | undefined {
    return this.messages.at(-1)?.text;
  }

  private click(actions: string[]): string | undefined {
    if (this.clickNext && actions.includes(this.clickNext)) {
      const action = this.clickNext;
      this.clickNext = undefined;
      return action;
    }
    return undefined;
  }
}
