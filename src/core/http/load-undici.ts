import type * as Undici from 'undici';

let undici: typeof Undici | undefined;

/**
 * undici, loaded on the first request instead of at activation: it is about 400 KB of the
 * bundle and a third of the extension's start-up time, and many sessions never send a request.
 */
export function loadUndici(): typeof Undici {
  undici ??= require('undici') as typeof Undici;
  return undici;
}
