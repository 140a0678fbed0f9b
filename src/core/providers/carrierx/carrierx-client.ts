import { HttpTransport, type TransportServices } from '../../http/transport';
import { readCarrierXErrorBody } from './carrierx-error-body';
import { CarrierXRequester } from './carrierx-requester';
import { CarrierXTrunksApi } from './carrierx-trunks-api';
import { DidsApi } from './dids-api';
import { EndpointsApi } from './endpoints-api';
import { TrunkGroupsApi } from './trunk-groups-api';

export const CARRIERX_PRODUCTION_BASE_URL = 'https://api.carrierx.com/core/v2';

/** The Core API v2 root: production, or `<override>/core/v2` for the emulator or a gateway. */
export function carrierXBaseUrl(override?: string): string {
  return override ? `${override.replace(/\/+$/, '')}/core/v2` : CARRIERX_PRODUCTION_BASE_URL;
}

export interface CarrierXClientOptions extends TransportServices {
  token: string;
  /** Host root overriding https://api.carrierx.com (the emulator); `/core/v2` is appended. */
  baseUrl?: string | undefined;
}

export class CarrierXClient {
  readonly trunkGroups: TrunkGroupsApi;
  readonly trunks: CarrierXTrunksApi;
  readonly endpoints: EndpointsApi;
  readonly dids: DidsApi;
  readonly baseUrl: string;

  constructor(requester: CarrierXRequester) {
    this.baseUrl = requester.baseUrl;
    this.trunkGroups = new TrunkGroupsApi(requester);
    this.trunks = new CarrierXTrunksApi(requester);
    this.endpoints = new EndpointsApi(requester);
    this.dids = new DidsApi(requester);
  }
}

export function createCarrierXClient(options: CarrierXClientOptions): CarrierXClient {
  const { token, baseUrl, ...services } = options;
  const transport = new HttpTransport({ ...services, provider: 'carrierx', credentials: { kind: 'bearer', token }, readErrorBody: readCarrierXErrorBody, requestIdHeader: 'x-request-id' });
  return new CarrierXClient(new CarrierXRequester(transport, carrierXBaseUrl(baseUrl)));
}
