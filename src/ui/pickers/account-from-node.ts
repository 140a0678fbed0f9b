import { providersOf, type Account } from '../../core/accounts/account';
import { AccountNode } from '../tree/account-node';
import { ByocTrunksNode } from '../tree/byoc-trunks-node';
import { ElasticSipTrunksNode } from '../tree/elastic-sip-trunks-node';
import { TrunkGroupsNode } from '../tree/trunk-groups-node';

/** The account of an account or folder node a command was started from, if it reaches `provider`. */
export function accountFromNode(node: unknown, provider: 'twilio' | 'carrierx'): Account | undefined {
  let account: Account | undefined;
  if (node instanceof AccountNode) account = node.account;
  else if (node instanceof ElasticSipTrunksNode || node instanceof ByocTrunksNode || node instanceof TrunkGroupsNode) account = node.account;
  return account && providersOf(account).includes(provider) ? account : undefined;
}
