import { iteratePages, type CallOptions, type Page, type PageRequest } from '../page';
import { IncomingPhoneNumberSchema, SID_PATTERNS, type IncomingPhoneNumber } from './models';
import { sidSegment, type TwilioRequester } from './twilio-requester';

export interface IncomingPhoneNumberFilter {
  /** Partial match; `*` is a wildcard (Twilio's own rule). */
  phoneNumber?: string | undefined;
  friendlyName?: string | undefined;
}

/** The account's numbers (2010 API), to pick from when attaching numbers to a trunk. */
export class IncomingPhoneNumbersApi {
  constructor(private readonly r: TwilioRequester) {}

  page(req: PageRequest & IncomingPhoneNumberFilter = {}): Promise<Page<IncomingPhoneNumber>> {
    return this.r.v2010Page(this.path(), 'incoming_phone_numbers', IncomingPhoneNumberSchema, 'incoming phone numbers', req, {
      PhoneNumber: req.phoneNumber,
      FriendlyName: req.friendlyName,
    });
  }

  list(options: { pageSize?: number; signal?: AbortSignal } & IncomingPhoneNumberFilter = {}): AsyncGenerator<IncomingPhoneNumber> {
    const { phoneNumber, friendlyName } = options;
    return iteratePages((req) => this.page({ ...req, phoneNumber, friendlyName }), options);
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
