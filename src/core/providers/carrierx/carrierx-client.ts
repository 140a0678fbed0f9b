import type { Clock } from '../../http/clock';
import type { DispatcherPool } from '../../http/dispatcher-pool';
import type { Logger, SecretRedactor } from '../../http/redacting-logger';
import type { RetryPolicy } from '../../http/retry-policy';
import { HttpTransport } from '../../http/transport';
import { readCarrierXErrorBody } from './carrierx-error-body';
import { CarrierXRequester } from './carrierx-requester';
import { CarrierXTrunksApi } from './carrierx-trunks-api';
import { TrunkGroupsApi } from './trunk-groups-api';

export const CARRIERX_PRODUCTION_BASE_URL = 'https://api.carrierx.com/core/v2';

/** The Core API v2 root: production, or `<override>/core/v2` for the emulator or a gateway. */
export function carrierXBaseUrl(override?: string): string {
  return override ? `${override.replace(/\/+$/, '')}/core/v2` : CARRIERX_PRODUCTION_BASE_URL;
}

export interface CarrierXClientOptions {
  token: string;
  /** Host root overriding https://api.carrierx.com (the emulator); `/core/v2` is appended. */
  baseUrl?: string | undefined;
  dispatchers: DispatcherPool;
  logger?: Logger | undefined;
  redactor?: SecretRedactor | undefined;
  retry?: RetryPolicy | undefined;
  clock?: Clock | undefined;
  random?: (() => number) | undefined;
  userAgent?: string | undefined;
}

export class CarrierXClient {
  readonly trunkGroups: TrunkGroupsApi;
  readonly trunks: CarrierXTrunksApi;
  readonly baseUrl: string;

  constructor(requester: CarrierXRequester) {
    this.baseUrl = requester.baseUrl;
    this.trunkGroups = new TrunkGroupsApi(requester);
    this.trunks = new CarrierXTrunksApi(requester);
  }
}

export function createCarrierXClient(options: CarrierXClientOptions): CarrierXClient {
  const transport = new HttpTransport({
    provider: 'carrierx',
    credentials: { kind: 'bearer', token: options.token },
    dispatchers: options.dispatchers,
    readErrorBody: readCarrierXErrorBody,
    requestIdHeader: 'x-request-id',
    logger: options.logger,
    redactor: options.redactor,
    retry: options.retry,
    clock: options.clock,
    random: options.random,
    userAgent: options.userAgent,
  });
  return new CarrierXClient(new CarrierXRequester(transport, carrierXBaseUrl(options.baseUrl)));
}
