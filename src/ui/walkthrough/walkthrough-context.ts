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
  pushed: 'trunkline.walkthrough.pushed',
  terminationLinked: 'trunkline.walkthrough.terminationLinked',
  routeSet: 'trunkline.walkthrough.routeSet',
  numberFound: 'trunkline.walkthrough.numberFound',
} as const;

type WalkthroughContextKey = (typeof WALKTHROUGH_CONTEXT)[keyof typeof WALKTHROUGH_CONTEXT];

/**
 * The step a command completed, judged by what it returned: a push that sent its plan (not one
 * the user cancelled at the confirmation), lists that were linked (not an empty choice), a trunk
 * that now has a route (a policy or an endpoint, not None), a number found and opened.
 */
export function stepDoneBy(commandId: string, result: unknown): WalkthroughContextKey | undefined {
  const value = (result ?? {}) as { status?: unknown; counts?: unknown; linked?: unknown; connection_policy_sid?: unknown; endpoint_sid?: unknown; revealed?: unknown };
  switch (commandId) {
    case 'trunkline.push':
      return value.status === 'applied' ? WALKTHROUGH_CONTEXT.pushed : undefined;
    case 'trunkline.pushAll':
      return value.counts !== undefined ? WALKTHROUGH_CONTEXT.pushed : undefined;
    case 'trunkline.linkAuthLists':
      return Array.isArray(value.linked) && value.linked.length > 0 ? WALKTHROUGH_CONTEXT.terminationLinked : undefined;
    case 'trunkline.setConnectionPolicy':
      return typeof value.connection_policy_sid === 'string' ? WALKTHROUGH_CONTEXT.routeSet : undefined;
    case 'trunkline.setTrunkEndpoint':
      return typeof value.endpoint_sid === 'string' ? WALKTHROUGH_CONTEXT.routeSet : undefined;
    case 'trunkline.findNumber':
      return typeof value.revealed === 'string' ? WALKTHROUGH_CONTEXT.numberFound : undefined;
    default:
      return undefined;
  }
}
