import { errorLine } from '../../core/http/provider-error';
import { collect } from '../../core/providers/page';
import type { ConnectionPolicyTarget } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { RefOf } from '../resources/resource-ref';
import { ConnectionPolicyTargetNode } from './connection-policy-target-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { EmptyNode } from './paged-folder-node';
import { ResourceNode } from './resource-node';
import type { TreeItemData } from './tree-item-data';

/** The order Twilio tries targets in: lowest priority first, the larger share of a priority first. */
export function failoverSorted(targets: readonly ConnectionPolicyTarget[]): ConnectionPolicyTarget[] {
  return [...targets].sort((a, b) => a.priority - b.priority || Number(b.enabled !== false) - Number(a.enabled !== false) || b.weight - a.weight);
}

/**
 * A connection policy (→ its targets), below its account or below a BYOC trunk that uses it.
 * A policy has a few targets, so they come in one request, shown in the order Twilio tries them.
 */
export class ConnectionPolicyNode extends ResourceNode<RefOf<'connectionPolicy'>> {
  private targets: Promise<ExplorerNode[]> | undefined;
  /** The policy's targets once loaded (a BYOC trunk's row reads its failover order and readiness from them). */
  loadedTargets: readonly ConnectionPolicyTarget[] | undefined;

  constructor(
    ref: RefOf<'connectionPolicy'>,
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
  ) {
    super(ref, parent);
  }

  children(): Promise<ExplorerNode[]> {
    this.targets ??= this.load().catch((e: unknown) => {
      this.targets = undefined;
      const message = errorLine(e);
      this.ctx.log.error(t('Failed to load the targets of "{0}": {1}', this.ref.policy.friendly_name || this.ref.policy.sid, message));
      return [new EmptyNode(this, t('Failed to load: {0}', message))];
    });
    return this.targets;
  }

  reset(): void {
    this.targets = undefined;
    this.loadedTargets = undefined;
  }

  /** Below a BYOC trunk, `.routing` offers Set Connection Policy… (to change the trunk's). */
  override treeItem(): TreeItemData {
    const item = super.treeItem();
    return this.ref.via ? { ...item, contextValue: `${item.contextValue}.routing` } : item;
  }

  private async load(): Promise<ExplorerNode[]> {
    const ref = this.ref;
    const client = await this.ctx.connections.twilio(ref.account);
    const targets = failoverSorted(await collect(client.connectionPolicyTargets.list(ref.policy.sid, { pageSize: 1000 })));
    this.loadedTargets = targets;
    const nodes = targets.map((target) => new ConnectionPolicyTargetNode({ kind: 'connectionPolicyTarget', account: ref.account, policy: ref.policy, target, via: ref.via }, this));
    return nodes.length > 0 ? nodes : [new EmptyNode(this, t('No targets: add one so calls can reach your carrier'))];
  }
}
