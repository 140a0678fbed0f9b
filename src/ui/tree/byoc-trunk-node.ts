import { isProviderError } from '../../core/http/provider-error';
import { t } from '../l10n';
import type { RefOf } from '../resources/resource-ref';
import { ConnectionPolicyNode } from './connection-policy-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { NoConnectionPolicyNode } from './no-connection-policy-node';
import { EmptyNode } from './paged-folder-node';
import { ResourceNode } from './resource-node';

/** A BYOC trunk: the connection policy it sends calls through (with its targets), or a hint to set one. */
export class ByocTrunkNode extends ResourceNode<RefOf<'byocTrunk'>> {
  private policy: Promise<ExplorerNode[]> | undefined;

  constructor(
    ref: RefOf<'byocTrunk'>,
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
  ) {
    super(ref, parent);
  }

  get trunk() {
    return this.ref.trunk;
  }

  children(): Promise<ExplorerNode[]> {
    this.policy ??= this.load().catch((e: unknown) => {
      this.policy = undefined;
      const message = isProviderError(e) ? e.toDisplayString() : e instanceof Error ? e.message : String(e);
      this.ctx.log.error(t('Failed to load the connection policy of "{0}": {1}', this.trunk.friendly_name || this.trunk.sid, message));
      return [new EmptyNode(this, t('Failed to load: {0}', message))];
    });
    return this.policy;
  }

  reset(): void {
    this.policy = undefined;
  }

  private async load(): Promise<ExplorerNode[]> {
    const { account, trunk } = this.ref;
    if (!trunk.connection_policy_sid) return [new NoConnectionPolicyNode(account, trunk, this)];
    const client = await this.ctx.connections.twilio(account);
    const policy = await client.connectionPolicies.fetch(trunk.connection_policy_sid);
    return [new ConnectionPolicyNode({ kind: 'connectionPolicy', account, policy, via: trunk }, this, this.ctx)];
  }
}
