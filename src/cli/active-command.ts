// `apio-igc activate|deactivate`: the bulk active route, one request (one OCI-P command) for every
// id given, or for every instance of the group with --all.
import type { ApioClient, DryRunAnswer } from './apio-client.js';
import { ApioHttpError, CliError, CliErrorCodes } from './errors.js';
import { ExitCodes } from './exit-codes.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';

export interface ActiveOptions {
  tenantId: string;
  groupId: string;
  active: boolean;
  ids: string[];
  all: boolean;
  dryRun: boolean;
}

export async function runSetActive(client: ApioClient, options: ActiveOptions, io: CliIo): Promise<number> {
  if (options.all === options.ids.length > 0) {
    throw new CliError(CliErrorCodes.USAGE, options.all ? 'give service user ids or --all, not both' : 'give the service user ids, or --all');
  }
  const ids = options.all ? (await client.listInstances(options.tenantId, options.groupId)).map((item) => item.serviceUserId) : options.ids;
  const verb = options.active ? 'activate' : 'deactivate';
  if (ids.length === 0) {
    writeLine(io.stdout, `no instant group calls in ${options.tenantId}/${options.groupId} to ${verb}`);
    return ExitCodes.OK;
  }
  const services = ids.map((serviceUserId) => ({ serviceUserId, active: options.active }));
  let answer: object;
  try {
    answer = await client.setActive(options.tenantId, options.groupId, services, options.dryRun);
  } catch (error) {
    // The gateway read the request and refused these ids (e.g. one it does not know): the run
    // happened and its instances failed (exit 1), unlike a gateway that could not be reached (2).
    if (!(error instanceof ApioHttpError) || error.status === 401 || error.status === 403) throw error;
    writeLine(io.stderr, `apio-igc: not ${verb}d (nothing changed): ${error.message}${error.broadworks.length > 0 ? ` (${error.broadworks.join('; ')})` : ''}`);
    return ExitCodes.ROWS_FAILED;
  }
  if ((answer as Partial<DryRunAnswer>).dryRun === true) {
    writeLine(io.stdout, `dry run: would ${verb} ${ids.length} instant group call(s); nothing was changed. OCI-P documents:`);
    for (const document of (answer as DryRunAnswer).documents) writeLine(io.stdout, document.xml.trimEnd());
    return ExitCodes.OK;
  }
  writeLine(io.stdout, `${verb}d ${ids.length} instant group call(s) in ${options.tenantId}/${options.groupId}`);
  return ExitCodes.OK;
}
