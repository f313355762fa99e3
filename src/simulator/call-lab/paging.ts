// List paging of every lab route (VOIPBIN.md §1.3): `page_size` 1–100 (absent, 0 or less, or over
// 100 means 100, as VoIPbin does), `page_token` a `tm_create` cursor — the page holds the rows
// created strictly before it, newest first — and the answer `{result, next_page_token}` whose token
// is the last row's `tm_create`, or "" when the page is empty.
import { Problems } from './errors.js';
import { formatStamp, parseStamp } from './time.js';

export const MAX_PAGE_SIZE = 100;

export interface Paging {
  size: number;
  /** Microseconds; rows with tm_create below it. Undefined: from the newest. */
  before: number | undefined;
}

export interface Page<T> {
  result: T[];
  next_page_token: string;
}

export function readPaging(query: URLSearchParams): Paging {
  const problems = new Problems();
  let size = MAX_PAGE_SIZE;
  const rawSize = query.get('page_size');
  if (rawSize !== null && rawSize !== '') {
    if (!/^-?\d+$/.test(rawSize)) problems.add('page_size', `must be an integer (1 to ${MAX_PAGE_SIZE}), got '${rawSize}'`);
    else {
      const n = Number(rawSize);
      size = n <= 0 || n > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : n;
    }
  }
  let before: number | undefined;
  const token = query.get('page_token');
  if (token !== null && token !== '') {
    before = parseStamp(token);
    if (before === undefined) problems.add('page_token', `must be a tm_create value 'YYYY-MM-DD HH:MM:SS.ffffff', got '${token}'`);
  }
  problems.throwIfAny();
  return { size, before };
}

export function pageOf<R extends { tmCreate: number }, T>(rows: Iterable<R>, paging: Paging, view: (row: R) => T): Page<T> {
  const chosen = [...rows]
    .filter((row) => paging.before === undefined || row.tmCreate < paging.before)
    .sort((a, b) => b.tmCreate - a.tmCreate)
    .slice(0, paging.size);
  const last = chosen.at(-1);
  return { result: chosen.map(view), next_page_token: last ? formatStamp(last.tmCreate) : '' };
}
