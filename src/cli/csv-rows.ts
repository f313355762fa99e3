// The CSV shape of an Instant Group Call: one flat column per field. Lists (aliases, destinations)
// are joined with '|' (';' and ',' are CSV delimiters in some locales). Departments are named
// relative to the target: `department` is a department of the group, `enterpriseDepartment` one of
// its enterprise — so an export imports into another group (or system) unchanged.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { InstanceAnswer } from '../services/instant-group-call/schemas.js';
import { CliError, CliErrorCodes } from './errors.js';
import type { RowProblem, SourceRow } from './row-problems.js';

export const LIST_SEPARATOR = '|';

/** Profile fields copied as text between the CSV and serviceInstanceProfile. */
const PROFILE_TEXT = [
  'name',
  'cliFirstName',
  'cliLastName',
  'hiraganaFirstName',
  'hiraganaLastName',
  'phoneNumber',
  'extension',
  'language',
  'timeZone',
  'publicUserIdentity',
  'callingLineIdPhoneNumber',
] as const;

/** What an export writes, in order. */
export const EXPORT_COLUMNS = [
  'serviceUserId',
  ...PROFILE_TEXT,
  'department',
  'enterpriseDepartment',
  'aliases',
  'answerTimeoutEnabled',
  'answerTimeoutMinutes',
  'destinationPhoneNumbers',
  'networkClassOfService',
  'active',
] as const;

/** What an import reads: the export's columns, plus two that exist only on the way in. */
export const IMPORT_COLUMNS: readonly string[] = [...EXPORT_COLUMNS, 'templateName', 'password'];

/** The CSV column a JSON path of the body comes from, for problems reported by field. */
export function columnOf(path: string): string {
  const field = path.replace(/^serviceInstanceProfile\./, '').replace(/\[\d+\]$/, '');
  if (field === 'aliases' || field === 'destinationPhoneNumbers') return field;
  if (field.startsWith('department')) return 'department';
  return field;
}

export function instanceToCsvRecord(serviceUserId: string, instance: InstanceAnswer): Record<string, string> {
  const profile = instance.serviceInstanceProfile as Record<string, unknown>;
  const record: Record<string, string> = { serviceUserId };
  for (const field of PROFILE_TEXT) record[field] = text(profile[field]);
  const department = instance.serviceInstanceProfile.department;
  record.department = department?.groupId !== undefined ? department.departmentName : '';
  record.enterpriseDepartment = department && department.groupId === undefined ? department.departmentName : '';
  record.aliases = (instance.serviceInstanceProfile.aliases ?? []).join(LIST_SEPARATOR);
  record.answerTimeoutEnabled = text(instance.answerTimeoutEnabled);
  record.answerTimeoutMinutes = text(instance.answerTimeoutMinutes);
  record.destinationPhoneNumbers = (instance.destinationPhoneNumbers ?? []).join(LIST_SEPARATOR);
  record.networkClassOfService = text(instance.networkClassOfService);
  record.active = text(instance.active);
  return record;
}

export function toCsv(records: readonly Record<string, string>[]): string {
  return stringify(records as Record<string, string>[], { header: true, columns: [...EXPORT_COLUMNS] });
}

/**
 * Parses a CSV file into APIO bodies. A cell that cannot be read (a bad boolean or number) is a
 * problem of its row, which is still returned without that cell; a row with the wrong number of
 * cells is a problem only; an unknown column stops the file.
 */
export function parseCsvRows(content: string, target: { tenantId: string; groupId: string }): { rows: SourceRow[]; problems: RowProblem[] } {
  let records: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    // With info and raw, csv-parse gives {record, raw, info} per row; its typing does not follow the options.
    records = parse(content, { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new CliError(CliErrorCodes.FILE, `the CSV cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [] };
  const columns = header.record;
  const unknown = columns.filter((column) => !IMPORT_COLUMNS.includes(column));
  if (unknown.length > 0) {
    throw new CliError(CliErrorCodes.FILE, `unknown CSV column(s) ${unknown.join(', ')}; the columns are ${IMPORT_COLUMNS.join(', ')}`);
  }
  const rows: SourceRow[] = [];
  const problems: RowProblem[] = [];
  for (const { record, raw, info } of data) {
    const line = startLine(raw, info.lines);
    if (record.length !== columns.length) {
      problems.push({ line, field: '', message: `${record.length} cells where the header has ${columns.length}` });
      continue;
    }
    const cells = Object.fromEntries(columns.map((column, index) => [column, record[index]!]));
    // The row goes on to the schema checks even with a bad cell (left out of its body), so one
    // report lists every problem of the row; read-rows.ts then keeps it from being sent.
    const body = cellsToBody(cells, target, (field, message) => problems.push({ line, field, message }));
    rows.push({ line, body });
  }
  return { rows, problems };
}

/** csv-parse counts the line a record ends on; a quoted cell may span lines. */
function startLine(raw: string, endLine: number): number {
  const inner = raw.replace(/\r?\n$/, '').replace(/^[\r\n]+/, '');
  return endLine - (inner.match(/\n/g)?.length ?? 0);
}

function cellsToBody(
  cells: Record<string, string>,
  target: { tenantId: string; groupId: string },
  problem: (field: string, message: string) => void,
): Record<string, unknown> {
  const given = (column: string): string | undefined => (cells[column] === undefined || cells[column] === '' ? undefined : cells[column]);
  const body: Record<string, unknown> = {};
  const profile: Record<string, unknown> = {};
  if (given('serviceUserId')) body.serviceUserId = given('serviceUserId');
  for (const field of [...PROFILE_TEXT, 'password'] as const) {
    const value = given(field);
    if (value !== undefined) profile[field] = value;
  }
  const department = given('department');
  const enterpriseDepartment = given('enterpriseDepartment');
  if (department && enterpriseDepartment) problem('department', 'give department or enterpriseDepartment, not both');
  if (department) profile.department = { tenantId: target.tenantId, groupId: target.groupId, departmentName: department };
  if (enterpriseDepartment) profile.department = { tenantId: target.tenantId, departmentName: enterpriseDepartment };
  const aliases = given('aliases');
  if (aliases) profile.aliases = splitList(aliases);
  body.serviceInstanceProfile = profile;

  for (const field of ['answerTimeoutEnabled', 'active'] as const) {
    const value = given(field);
    if (value === undefined) continue;
    const flag = parseBoolean(value);
    if (flag === undefined) problem(field, `'${value}' is not true or false`);
    else body[field] = flag;
  }
  const minutes = given('answerTimeoutMinutes');
  if (minutes !== undefined) {
    if (/^\d+$/.test(minutes)) body.answerTimeoutMinutes = Number(minutes);
    else problem('answerTimeoutMinutes', `'${minutes}' is not a whole number of minutes`);
  }
  const destinations = given('destinationPhoneNumbers');
  if (destinations) body.destinationPhoneNumbers = splitList(destinations);
  for (const field of ['networkClassOfService', 'templateName'] as const) {
    const value = given(field);
    if (value !== undefined) body[field] = value;
  }
  return body;
}

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseBoolean(cell: string): boolean | undefined {
  const value = cell.toLowerCase();
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  return undefined;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
