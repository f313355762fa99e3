// Timestamps and ids in the VoIPbin seed form (VOIPBIN.md §1.2): UTC `YYYY-MM-DD HH:MM:SS.ffffff`,
// `9999-01-01 00:00:00.000000` for what has not happened, and the zero UUID for "no answer yet".
// Times are held as integer microseconds since the epoch.

export const NOT_YET = '9999-01-01 00:00:00.000000';
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** The one customer of the lab: every resource belongs to it. */
export const LAB_CUSTOMER_ID = '7e1ab000-0000-4000-8000-000000000001';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6})$/;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Microseconds, or undefined for "not yet". */
export type Micros = number | undefined;

export function formatStamp(micros: Micros): string {
  if (micros === undefined) return NOT_YET;
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // 2024-01-01T09:00:00.123Z
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${fraction}`;
}

/** The microseconds of a stamp, or undefined when the text is not one. */
export function parseStamp(text: string): number | undefined {
  const match = STAMP.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, us] = match.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (Number.isNaN(ms)) return undefined;
  return ms * 1000 + us!;
}

/**
 * Hands out creation times: the clock in microseconds, moved on by 1 µs when two resources are
 * created in the same microsecond. tm_create is the paging cursor (`tm_create < token`), so two
 * equal values would let a page boundary skip a row.
 */
export class Stamper {
  private last = 0;
  constructor(private readonly nowMs: () => number) {}

  /** The current time in microseconds (for tm_update and friends; may repeat). */
  now(): number {
    return Math.max(this.nowMs() * 1000, this.last);
  }

  /** A creation time no other resource of the lab has. */
  unique(): number {
    this.last = Math.max(this.nowMs() * 1000, this.last + 1);
    return this.last;
  }
}
