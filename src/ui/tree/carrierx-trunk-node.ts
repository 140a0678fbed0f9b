import { isProviderError } from '../../core/http/provider-error';
import { t } from '../l10n';
import type { RefOf } from '../resources/resource-ref';
import { EndpointNode } from './endpoint-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { EmptyNode } from './paged-folder-node';
import { ResourceNode } from './resource-node';

/** A trunk of a CarrierX trunk group → the endpoint it sends calls to (with its addresses), or "No endpoint". */
export class CarrierXTrunkNode extends ResourceNode<RefOf<'carrierxTrunk'>> {
  private endpoint: Promise<ExplorerNode[]> | undefined;

  constructor(
    ref: RefOf<'carrierxTrunk'>,
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
  ) {
    super(ref, parent);
  }

  get trunk() {
    return this.ref.trunk;
  }

  get group() {
    return this.ref.group;
  }

  children(): Promise<ExplorerNode[]> {
    this.endpoint ??= this.load().catch((e: unknown) => {
      this.endpoint = undefined;
      const message = isProviderError(e) ? e.toDisplayString() : e instanceof Error ? e.message : String(e);
      this.ctx.log.error(t('Failed to load the endpoint of "{0}": {1}', this.trunk.name || this.trunk.trunk_sid, message));
      return [new EmptyNode(this, t('Failed to load: {0}', message))];
    });
    return this.endpoint;
  }

  reset(): void {
    this.endpoint = undefined;
  }

  private async load(): Promise<ExplorerNode[]> {
    const sid = this.trunk.endpoint_sid;
    if (!sid) return [new EmptyNode(this, t('No endpoint: calls to this trunk have nowhere to go'))];
    const client = await this.ctx.connections.carrierx(this.account);
    const endpoint = await client.endpoints.fetch(sid);
    return [new EndpointNode({ kind: 'endpoint', account: this.account, endpoint, via: { group: this.group, trunk: this.trunk } }, this)];
  }
}
