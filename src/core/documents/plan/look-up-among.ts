import type { RemoteLookup, RemoteState, RemoteTarget } from './remote-state';

/**
 * Resolves documents against a full listing of resources that have no unique key but their SID:
 * by SID when the document has one (found or missing), else the same-named ones, to warn about.
 * One lookup per target, in the targets' order.
 */
export function lookUpAmong<T, Target extends RemoteTarget>(
  all: readonly T[],
  targets: readonly Target[],
  resource: {
    sid(item: T): string;
    name(item: T): string | null;
    /** The name a document without SID gives its resource. */
    wantedName(target: Target): string | null | undefined;
    state(item: T): RemoteState;
  },
): RemoteLookup[] {
  const bySid = new Map(all.map((item) => [resource.sid(item), item]));
  return targets.map((target): RemoteLookup => {
    if (target.sid === undefined) {
      const name = resource.wantedName(target);
      return { status: 'new', sameName: name ? all.filter((item) => resource.name(item) === name).map((item) => ({ sid: resource.sid(item), name })) : [] };
    }
    const item = bySid.get(target.sid);
    return item ? { status: 'found', state: resource.state(item) } : { status: 'missing', sid: target.sid };
  });
}
