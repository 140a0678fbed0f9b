import { iteratePages, type CallOptions, type Page, type PageRequest } from '../page';
import { IncomingPhoneNumberSchema, SID_PATTERNS, type IncomingPhoneNumber } from './models';
import { sidSegment, type TwilioRequester } from './twilio-requester';

export interface IncomingPhoneNumberFilter {
  /** Partial match; `*` is a wildcard (Twilio's own rule). */
  phoneNumber?: string | undefined;
  friendlyName?: string | undefined;
  /** false leaves out beta numbers (Twilio includes them unless told). */
  beta?: boolean | undefined;
  /** `twilio` or `hosted`. */
  origin?: 'twilio' | 'hosted' | undefined;
}

/**
 * The account's numbers (2010 API): the inventory of every number with the trunk it is on
 * (`trunk_sid`), and the pick list when attaching numbers to a trunk. The API has no trunk
 * filter, so "numbers on no trunk" is a filter over the listing.
 */
export class IncomingPhoneNumbersApi {
  constructor(private readonly r: TwilioRequester) {}

  page(req: PageRequest & IncomingPhoneNumberFilter = {}): Promise<Page<IncomingPhoneNumber>> {
    return this.r.v2010Page(this.path(), 'incoming_phone_numbers', IncomingPhoneNumberSchema, 'incoming phone numbers', req, {
      PhoneNumber: req.phoneNumber,
      FriendlyName: req.friendlyName,
      Beta: req.beta === undefined ? undefined : String(req.beta),
      Origin: req.origin,
    });
  }

  list(options: { pageSize?: number; signal?: AbortSignal } & IncomingPhoneNumberFilter = {}): AsyncGenerator<IncomingPhoneNumber> {
    const { phoneNumber, friendlyName, beta, origin } = options;
    return iteratePages((req) => this.page({ ...req, phoneNumber, friendlyName, beta, origin }), options);
  }

  fetch(sid: string, options: CallOptions = {}): Promise<IncomingPhoneNumber> {
    const path = `/2010-04-01/Accounts/${this.r.accountSid}/IncomingPhoneNumbers/${sidSegment(sid, SID_PATTERNS.phoneNumber, 'phone number')}.json`;
    return this.r.call(IncomingPhoneNumberSchema, 'an incoming phone number', {
      method: 'GET',
      url: new URL(path, this.r.endpoints.api),
      signal: options.signal,
    });
  }

  private path(): string {
    return `/2010-04-01/Accounts/${sidSegment(this.r.accountSid, SID_PATTERNS.account, 'account')}/IncomingPhoneNumbers.json`;
  }
}
