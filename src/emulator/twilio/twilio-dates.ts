/** v1 APIs (trunking, voice): `2015-01-02T11:23:45Z`. */
export function iso8601(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 2010 API: `Thu, 30 Jul 2015 23:19:04 +0000`. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}
