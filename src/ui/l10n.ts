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

/** Changes with the translator, so that words kept for reuse are looked up again in the new language. */
let generation = 0;

export function setTranslator(translator: Translator): void {
  translate = translator;
  generation++;
}

/** Which translator is in use: a cache of translated words is valid while this stays the same. */
export function translatorGeneration(): number {
  return generation;
}
