import type { Clock } from '../../http/clock';
import type { Credentials } from '../../http/credentials';
import type { DispatcherPool } from '../../http/dispatcher-pool';
import type { Logger, SecretRedactor } from '../../http/redacting-logger';
import type { RetryPolicy } from '../../http/retry-policy';
import { HttpTransport } from '../../http/transport';
import { ByocTrunksApi } from './byoc-trunks-api';
import { IncomingPhoneNumbersApi } from './incoming-phone-numbers-api';
import { SID_PATTERNS } from './models';
import { OriginationUrlsApi } from './origination-urls-api';
import { TrunkPhoneNumbersApi } from './trunk-phone-numbers-api';
import { TrunkRecordingApi } from './trunk-recording-api';
import { readTwilioErrorBody } from './twilio-error-body';
import { TrunksApi } from './trunks-api';
import { twilioEndpoints, type TwilioEndpoints } from './twilio-endpoints';
import { TwilioRequester } from './twilio-requester';

export type TwilioCredentials =
  | { kind: 'authToken'; authToken: string }
  | { kind: 'apiKey'; apiKeySid: string; apiKeySecret: string };

export interface TwilioClientOptions {
  accountSid: string;
  credentials: TwilioCredentials;
  /** Overrides every Twilio host (the emulator, a gateway); production hosts when absent. */
  baseUrl?: string | undefined;
  dispatchers: DispatcherPool;
  logger?: Logger | undefined;
  redactor?: SecretRedactor | undefined;
  retry?: RetryPolicy | undefined;
  clock?: Clock | undefined;
  random?: (() => number) | undefined;
  userAgent?: string | undefined;
}

/** Every Twilio resource Trunkline manages, for one account. */
export class TwilioClient {
  readonly trunks: TrunksApi;
  readonly recording: TrunkRecordingApi;
  readonly originationUrls: OriginationUrlsApi;
  readonly trunkPhoneNumbers: TrunkPhoneNumbersApi;
  readonly byocTrunks: ByocTrunksApi;
  readonly incomingPhoneNumbers: IncomingPhoneNumbersApi;
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
    this.incomingPhoneNumbers = new IncomingPhoneNumbersApi(requester);
  }
}

export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  if (!SID_PATTERNS.account.test(options.accountSid)) {
    throw new TypeError('The Account SID must start with AC followed by 32 hexadecimal characters.');
  }
  const credentials: Credentials =
    options.credentials.kind === 'authToken'
      ? { kind: 'basic', username: options.accountSid, password: options.credentials.authToken }
      : { kind: 'basic', username: options.credentials.apiKeySid, password: options.credentials.apiKeySecret };
  const transport = new HttpTransport({
    provider: 'twilio',
    credentials,
    dispatchers: options.dispatchers,
    readErrorBody: readTwilioErrorBody,
    requestIdHeader: 'twilio-request-id',
    logger: options.logger,
    redactor: options.redactor,
    retry: options.retry,
    clock: options.clock,
    random: options.random,
    userAgent: options.userAgent,
  });
  return new TwilioClient(new TwilioRequester(transport, options.accountSid, twilioEndpoints(options.baseUrl)));
}
