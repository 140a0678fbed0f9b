/** The walkthrough's id in package.json (`contributes.walkthroughs`). */
export const WALKTHROUGH_ID = 'trunkline.gettingStarted';

/**
 * Context keys the walkthrough's steps complete on (`completionEvents: onContext:…`): each is
 * true once the user has done what its step asks, whichever way they did it (the walkthrough's
 * button, the welcome view, the palette, the tree).
 */
export const WALKTHROUGH_CONTEXT = {
  sandboxConnected: 'trunkline.walkthrough.sandboxConnected',
  providerAccountConnected: 'trunkline.walkthrough.providerAccountConnected',
  trunkFileWritten: 'trunkline.walkthrough.trunkFileWritten',
} as const;
