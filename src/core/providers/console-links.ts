/**
 * Where a resource lives in the provider's own web console. Twilio's console has deep links;
 * CarrierX's portal is opened at its start page.
 */
export type ConsoleResource =
  | { kind: 'trunk'; sid: string }
  | { kind: 'byocTrunk'; sid: string }
  | { kind: 'phoneNumber'; sid: string }
  | { kind: 'originationUrl'; trunkSid: string }
  | { kind: 'ipAccessControlList' | 'credentialList' }
  | { kind: 'connectionPolicy' }
  | { kind: 'trunkGroup' | 'carrierxTrunk' };

export function consoleUrl(resource: ConsoleResource): string {
  switch (resource.kind) {
    case 'trunk':
      return `https://console.twilio.com/us1/develop/sip-trunking/trunks/${resource.sid}`;
    case 'originationUrl':
      return `https://console.twilio.com/us1/develop/sip-trunking/trunks/${resource.trunkSid}`;
    case 'byocTrunk':
      return `https://console.twilio.com/us1/develop/voice/manage/byoc-trunks/${resource.sid}`;
    case 'phoneNumber':
      return `https://console.twilio.com/us1/develop/phone-numbers/manage/incoming/${resource.sid}/configure`;
    case 'ipAccessControlList':
      return 'https://console.twilio.com/us1/develop/voice/manage/ip-access-control-lists';
    case 'credentialList':
      return 'https://console.twilio.com/us1/develop/voice/manage/credential-lists';
    case 'connectionPolicy':
      // A BYOC trunk's page is where the console chooses its connection policy.
      return 'https://console.twilio.com/us1/develop/voice/manage/byoc-trunks';
    case 'trunkGroup':
    case 'carrierxTrunk':
      return 'https://portal.carrierx.com/';
  }
}
