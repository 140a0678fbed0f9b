import { unlinkAuthList } from './unlink-auth-list';
import { setCredentialPassword } from './set-credential-password';
import { linkAuthLists } from './link-auth-lists';
import { createIpAccessControlList } from './create-ip-access-control-list';
import { createCredentialList } from './create-credential-list';
import { addIpAddress } from './add-ip-address';
import { addCredential } from './add-credential';
import { createConnectionPolicy } from './create-connection-policy';
import { addConnectionPolicyTarget } from './add-connection-policy-target';
import { editConnectionPolicyTarget } from './edit-connection-policy-target';
import { enableConnectionPolicyTarget } from './enable-connection-policy-target';
import { disableConnectionPolicyTarget } from './disable-connection-policy-target';
import { setConnectionPolicy } from './set-connection-policy';
import { createEndpoint } from './create-endpoint';
import { addEndpointAddress } from './add-endpoint-address';
import { editEndpointAddress } from './edit-endpoint-address';
import { setEndpointSipPassword } from './set-endpoint-sip-password';
import { clearEndpointSipPassword } from './clear-endpoint-sip-password';
import { setTrunkEndpoint } from './set-trunk-endpoint';
import { addAccount } from './add-account';
import { addCarrierXAccount } from './add-carrierx-account';
import { addTwilioAccount } from './add-twilio-account';
import { assignNumbers } from './assign-numbers';
import { attachNumbers } from './attach-numbers';
import type { CommandDefinition } from './command';
import { copySid } from './copy-sid';
import { createByocTrunk } from './create-byoc-trunk';
import { createCarrierXTrunk } from './create-carrierx-trunk';
import { createOriginationUrl } from './create-origination-url';
import { createTrunk } from './create-trunk';
import { createTrunkGroup } from './create-trunk-group';
import { deleteResource } from './delete-resource';
import { detachNumbers } from './detach-numbers';
import { findNumber } from './find-number';
import { editField } from './edit-field';
import { importTwilioCliProfiles } from './import-twilio-cli-profiles';
import { loadMore } from './load-more';
import { openInConsole } from './open-in-console';
import { refresh } from './refresh';
import { removeAccount } from './remove-account';
import { renameAccount } from './rename-account';
import { renameResource } from './rename-resource';
import { retryLoad } from './retry-load';
import { setRecording } from './set-recording';
import { showLog } from './show-log';
import { trySandbox } from './try-sandbox';
import { unassignNumbers } from './unassign-numbers';
import { updateAccountCredentials } from './update-account-credentials';

/** Every command of the explorer and the palette; package.json contributes the same ids. */
export const EXPLORER_COMMANDS: readonly CommandDefinition[] = [
  addAccount,
  addTwilioAccount,
  addCarrierXAccount,
  trySandbox,
  renameAccount,
  removeAccount,
  updateAccountCredentials,
  importTwilioCliProfiles,
  createTrunk,
  createByocTrunk,
  createTrunkGroup,
  createCarrierXTrunk,
  createOriginationUrl,
  editField,
  renameResource,
  setRecording,
  deleteResource,
  attachNumbers,
  detachNumbers,
  assignNumbers,
  unassignNumbers,
  findNumber,
  createIpAccessControlList,
  createCredentialList,
  addIpAddress,
  addCredential,
  setCredentialPassword,
  linkAuthLists,
  unlinkAuthList,
  createConnectionPolicy,
  addConnectionPolicyTarget,
  editConnectionPolicyTarget,
  enableConnectionPolicyTarget,
  disableConnectionPolicyTarget,
  setConnectionPolicy,
  createEndpoint,
  addEndpointAddress,
  editEndpointAddress,
  setEndpointSipPassword,
  clearEndpointSipPassword,
  setTrunkEndpoint,
  copySid,
  openInConsole,
  refresh,
  loadMore,
  retryLoad,
  showLog,
];
