import type { Credentials } from '../../http/credentials';
import { HttpTransport, type TransportServices } from '../../http/transport';
import { ByocTrunksApi } from './byoc-trunks-api';
import { ConnectionPoliciesApi } from './connection-policies-api';
import { ConnectionPolicyTargetsApi } from './connection-policy-targets-api';
import { IncomingPhoneNumbersApi } from './incoming-phone-numbers-api';
import { SID_PATTERNS } from './models';
import { OriginationUrlsApi } from './origination-urls-api';
import { TrunkPhoneNumbersApi } from './trunk-phone-numbers-api';
import { TrunkRecordingApi } from './trunk-recording-api';
import { SipCredentialListsApi, SipIpAccessControlListsApi } from './sip-auth-lists-api';
import { SipCredentialsApi } from './sip-credentials-api';
import { SipIpAddressesApi } from './sip-ip-addresses-api';
import { TrunkCredentialListsApi, TrunkIpAccessControlListsApi } from './trunk-auth-lists-api';
import { readTwilioErrorBody } from './twilio-error-body';
import { TrunksApi } from './trunks-api';
import { twilioEndpoints, type TwilioEndpoints } from './twilio-endpoints';
import { TwilioRequester } from './twilio-requester';

export type TwilioCredentials =
  | { kind: 'authToken'; authToken: string }
  | { kind: 'apiKey'; apiKeySid: string; apiKeySecret: string };

export interface TwilioClientOptions extends TransportServices {
  accountSid: string;
  credentials: TwilioCredentials;
  /** Overrides every Twilio host (the emulator, a gateway); production hosts when absent. */
  baseUrl?: string | undefined;
}

/** Every Twilio resource Trunkline manages, for one account. */
export class TwilioClient {
  readonly trunks: TrunksApi;
  readonly recording: TrunkRecordingApi;
  readonly originationUrls: OriginationUrlsApi;
  readonly trunkPhoneNumbers: TrunkPhoneNumbersApi;
  readonly byocTrunks: ByocTrunksApi;
  readonly connectionPolicies: ConnectionPoliciesApi;
  readonly connectionPolicyTargets: ConnectionPolicyTargetsApi;
  readonly incomingPhoneNumbers: IncomingPhoneNumbersApi;
  readonly credentialLists: SipCredentialListsApi;
  readonly credentials: SipCredentialsApi;
  readonly ipAccessControlLists: SipIpAccessControlListsApi;
  readonly ipAddresses: SipIpAddressesApi;
  readonly trunkCredentialLists: TrunkCredentialListsApi;
  readonly trunkIpAccessControlLists: TrunkIpAccessControlListsApi;
  readonly accountSid: string;
  readonly endpoints: TwilioEndpoints;

  constructor(requester: TwilioRequester) {
    this.accountSid = requester.accountSid;
    this.endpoints = requester.endpoints;
    this.trunks = new TrunksApi(requester);
    this.recording = new TrunkRecordingApi(requester);
    this.originationUrls = new OriginationUrlsApi(requester);
    this.trunkPhoneNumbers = new TrunkPhoneNumbersApi(requester);
    this.byocTrunks = new ByocTrunksApi(requester);
    this.connectionPolicies = new ConnectionPoliciesApi(requester);
    this.connectionPolicyTargets = new ConnectionPolicyTargetsApi(requester);
    this.incomingPhoneNumbers = new IncomingPhoneNumbersApi(requester);
    this.credentialLists = new SipCredentialListsApi(requester);
    this.credentials = new SipCredentialsApi(requester);
    this.ipAccessControlLists = new SipIpAccessControlListsApi(requester);
    this.ipAddresses = new SipIpAddressesApi(requester);
    this.trunkCredentialLists = new TrunkCredentialListsApi(requester);
    this.trunkIpAccessControlLists = new TrunkIpAccessControlListsApi(requester);
  }
}

export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const { accountSid, baseUrl, credentials: given, ...services } = options;
  if (!SID_PATTERNS.account.test(accountSid)) {
    throw new TypeError('The Account SID must start with AC followed by 32 hexadecimal characters.');
  }
  // With an API key the account is the one in the URL paths; the key authenticates.
  const credentials: Credentials =
    given.kind === 'authToken'
      ? { kind: 'basic', username: accountSid, password: given.authToken }
      : { kind: 'basic', username: given.apiKeySid, password: given.apiKeySecret };
  const transport = new HttpTransport({ ...services, provider: 'twilio', credentials, readErrorBody: readTwilioErrorBody, requestIdHeader: 'twilio-request-id' });
  return new TwilioClient(new TwilioRequester(transport, accountSid, twilioEndpoints(baseUrl)));
}
