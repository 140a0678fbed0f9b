import type { Account } from '../../core/accounts/account';
import type { Endpoint } from '../../core/providers/carrierx/models';
import type { Page, PageRequest } from '../../core/providers/page';
import { t } from '../l10n';
import { EndpointNode } from './endpoint-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

/** CarrierX account → Endpoints: where the account's trunks can send calls. */
export class EndpointsNode extends PagedFolderNode<Endpoint> {
  protected readonly noun = t('endpoints');

  constructor(
    readonly account: Account,
    parent: ExplorerNode,
    ctx: ExplorerContext,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'endpoints' }), parent, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Endpoints'),
      description: this.countDescription(),
      contextValue: 'trunkline:folder.endpoints.creatable',
      icon: { id: 'plug' },
      collapsible: 'collapsed',
    };
  }

  /** The endpoint with this sid among the pages loaded so far, if any. */
  loadedEndpoint(sid: string): EndpointNode | undefined {
    return this.loadedNodes.find((n): n is EndpointNode => n instanceof EndpointNode && n.endpoint.endpoint_sid === sid);
  }

  protected async fetchPage(req: PageRequest): Promise<Page<Endpoint>> {
    const client = await this.ctx.connections.carrierx(this.account);
    return client.endpoints.page(req);
  }

  protected childFor(endpoint: Endpoint): EndpointNode {
    return new EndpointNode({ kind: 'endpoint', account: this.account, endpoint }, this);
  }
}
