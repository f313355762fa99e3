// `apio-igc export`: the group's list, then every instance read in full (N at a time), written as
// CSV or JSON sorted by serviceUserId so two exports compare line by line. An instance that cannot
// be read is reported on stderr and the export exits 1 with the others written. Instances without
// `active` (the gateway leaves it out unless SERVICE_USERS_RETURN_ACTIVE_STATUS is on) are counted
// on stderr: imported as they are, they would be created active.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ApioClient } from './apio-client.js';
import { instanceToCsvRecord, toCsv } from './csv-rows.js';
import { ApioHttpError } from './errors.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { instanceToJsonRow, toJsonArray } from './json-rows.js';
import type { RowFormat } from './read-rows.js';
import { runPool } from './run-pool.js';

export interface ExportOptions {
  tenantId: string;
  groupId: string;
  format: RowFormat;
  concurrency: number;
  /** Default: stdout. */
  output?: string;
}

export async function runExport(client: ApioClient, options: ExportOptions, io: CliIo): Promise<number> {
  const { tenantId, groupId } = options;
  const ids = (await client.listInstances(tenantId, groupId)).map((item) => item.serviceUserId).sort();
  const csv: Record<string, string>[] = [];
  const json: Record<string, unknown>[] = [];
  const failures: string[] = [];
  const read = new Map<string, Awaited<ReturnType<ApioClient['getInstance']>>>();
  await runPool(ids, options.concurrency, async (id) => {
    try {
      read.set(id, await client.getInstance(tenantId, groupId, id));
    } catch (error) {
      if (!(error instanceof ApioHttpError)) throw error;
      failures.push(`${id}: ${error.message}`);
    }
  });
  for (const id of ids) {
    const instance = read.get(id);
    if (!instance) continue;
    if (options.format === 'csv') csv.push(instanceToCsvRecord(id, instance));
    else json.push(instanceToJsonRow(id, instance));
  }
  const text = options.format === 'csv' ? toCsv(csv) : toJsonArray(json);
  if (options.output) {
    const path = resolve(io.cwd, options.output);
    writeFileSync(path, text);
    writeLine(io.stderr, `exported ${read.size} instant group calls of ${tenantId}/${groupId} to ${path}`);
  } else {
    io.stdout.write(text);
  }
  for (const failure of failures) writeLine(io.stderr, `not exported: ${failure}`);
  const unknownActive = [...read.values()].filter((instance) => instance.active === undefined).length;
  if (unknownActive > 0) {
    writeLine(
      io.stderr,
      `warning: ${unknownActive} of ${read.size} rows have no \`active\`: the gateway does not return it (APIO setting SERVICE_USERS_RETURN_ACTIVE_STATUS is off). ` +
        'An import creates such rows active; turn the setting on and export again, or fill the column in.',
    );
  }
  return failures.length > 0 ? 1 : 0;
}
