import type { Account } from '../../core/accounts/account';
import type { ByocTrunk } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { LeafNode, type ExplorerNode } from './explorer-node';
import { emptyTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

/** The command id of Set Connection Policy… (package.json), run when the hint is clicked. */
const SET_CONNECTION_POLICY_COMMAND = 'trunkline.setConnectionPolicy';

/** Below a BYOC trunk without a connection policy: says so, and a click sets one. */
export class NoConnectionPolicyNode extends LeafNode {
  readonly id: string;

  constructor(
    readonly account: Account,
    readonly trunk: ByocTrunk,
    readonly parent: ExplorerNode,
  ) {
    super();
    this.id = emptyTreeId(parent.id);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('No connection policy'),
      description: t('calls cannot reach your carrier: click to set one'),
      contextValue: 'trunkline:noConnectionPolicy',
      icon: { id: 'info' },
      collapsible: 'none',
      command: { id: SET_CONNECTION_POLICY_COMMAND, title: t('Set Connection Policy…'), arguments: [this] },
    };
  }
}
