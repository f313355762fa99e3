// Time zones: BroadWorks accepts IANA ids and answers a display name beside each one
// (timeZoneDisplayName). The display name carries the current offset, like `(GMT+01:00) Europe/Brussels`.
import { simError } from '../errors.js';

/** Refuses an id the runtime's IANA database does not know (error 4770). */
export function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw simError('INVALID_TIME_ZONE', timeZone);
  }
}

export function timeZoneDisplayName(timeZone: string, now: number): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(now);
    const offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    return `(${offset === 'GMT' ? 'GMT+00:00' : offset}) ${timeZone}`;
  } catch {
    return `(GMT+00:00) ${timeZone}`;
  }
}
