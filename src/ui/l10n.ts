/**
 * Every user-facing string goes through `t`, so the composition root can hand it to
 * vscode.l10n.t while code that runs under plain node (unit tests, flows) keeps working.
 */
type Translator = (message: string, ...args: (string | number | boolean)[]) => string;

let translate: Translator = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : whole));

export function t(message: string, ...args: (string | number | boolean)[]): string {
  return translate(message, ...args);
}

export function setTranslator(translator: Translator): void {
  translate = translator;
}
