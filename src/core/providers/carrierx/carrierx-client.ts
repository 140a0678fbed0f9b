import { HttpTransport, type TransportServices } from '../../http/transport';
import { carrierXBaseUrl } from './carrierx-base-url';
import { readCarrierXErrorBody } from './carrierx-error-body';
import { CarrierXRequester } from './carrierx-requester';
import { CarrierXTrunksApi } from './carrierx-trunks-api';
import { DidsApi } from './dids-api';
import { EndpointsApi } from './endpoints-api';
import { TrunkGroupsApi } from './trunk-groups-api';

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
