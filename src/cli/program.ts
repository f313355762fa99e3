// The `apio-igc` command line (commander): export, import, activate and deactivate, with the
// connection from flags or the environment. runCli returns the exit status instead of exiting, so
// tests can run it in-process; the statuses are those of exit-codes.ts.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runSetActive } from './active-command.js';
import { ApioClient } from './apio-client.js';
import { resolveConnection } from './credentials.js';
import type { ConnectionFlags } from './credentials.js';
import { CliError, CliErrorCodes } from './errors.js';
import { EXIT_CODES_HELP, ExitCodes } from './exit-codes.js';
import { runExport } from './export-command.js';
import { DEFAULT_MAX_CONNECTION_FAILURES, runImport } from './import-command.js';
import { printImportReport } from './import-report.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { parseDrop } from './row-mapping.js';

interface GlobalOptions extends ConnectionFlags {
  prefix: string;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status = 0;
  const program = buildProgram(io, (code) => {
    status = code;
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCodes.OK : ExitCodes.NOT_RUN;
    if (error instanceof CliError) {
      writeLine(io.stderr, `apio-igc: ${error.message}`);
      return ExitCodes.NOT_RUN;
    }
    throw error;
  }
}

function buildProgram(io: CliIo, exit: (code: number) => void): Command {
  const program = new Command('apio-igc')
    .description('Bulk export, import and activation of Instant Group Calls over the APIO REST API (this adapter or any APIO gateway).')
    .option('--url <url>', 'the gateway, e.g. http://127.0.0.1:8080 (env: APIO_URL)')
    .option('--token <token>', 'a bearer token: machine token or access token (env: APIO_TOKEN)')
    .option('--username <name>', 'log in with POST /api/v01/auth/login (env: APIO_USERNAME)')
    .option('--password <password>', 'prefer APIO_PASSWORD: a flag shows in the process list (env: APIO_PASSWORD)')
    .option('--prefix <path>', 'the API prefix', '/api/v1')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(redact(text)),
    });

  const connect = async (command: Command): Promise<ApioClient> => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const client = new ApioClient(resolveConnection(globals, io.env), { prefix: globals.prefix });
    await client.open();
    return client;
  };
  const withClient = async (command: Command, work: (client: ApioClient) => Promise<number>): Promise<void> => {
    const client = await connect(command);
    try {
      exit(await work(client));
    } finally {
      await client.close();
    }
  };
  const target = (command: Command) =>
    command.requiredOption('--tenant <id>', 'the tenant (service provider or enterprise)').requiredOption('--group <id>', 'the group');

  target(program.command('export').description('write every instance of the group, with all its fields'))
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--concurrency <n>', 'instances read at a time', positiveInt, 8)
    .action(async (options: { tenant: string; group: string; format: 'csv' | 'json'; output?: string; concurrency: number }, command: Command) => {
      await withClient(command, (client) =>
        runExport(client, { tenantId: options.tenant, groupId: options.group, format: options.format, concurrency: options.concurrency, ...(options.output && { output: options.output }) }, io),
      );
    });

  target(program.command('import').description('create the rows of a CSV or JSON file (update them with --update)').argument('<file>', 'rows: .csv, .json or .jsonl'))
    .option('--update', 'update rows whose instance exists (default: skip them)', false)
    .option('--concurrency <n>', 'rows in flight at a time', positiveInt, 4)
    .option('--dry-run', 'send each row with ?dry_run=true: checked by the gateway, nothing changed', false)
    .addOption(new Option('--format <format>', 'csv or json (default: from the extension)').choices(['csv', 'json']))
    .option('--journal <file>', 'the journal that makes a rerun resume (default: FILE.journal)')
    .option('--map <file>', 'rewrite every row first: a CSV kind,from,to (kind: id, number, domain, department; one * allowed)')
    .option('--drop <fields>', 'leave these fields out of every row, e.g. phoneNumber,extension,aliases', parseDrop)
    .option('--max-connection-failures <n>', 'connection failures in a row after which the import stops (exit 2)', positiveInt, DEFAULT_MAX_CONNECTION_FAILURES)
    .action(
      async (
        file: string,
        options: ImportFlags,
        command: Command,
      ) => {
        await withClient(command, async (client) => {
          if (options.dryRun && !(await client.supportsDryRun())) {
            throw new CliError(CliErrorCodes.USAGE, 'the gateway does not document ?dry_run (its openapi.json); refusing a dry run it could apply');
          }
          const report = await runImport(
            client,
            {
              file,
              tenantId: options.tenant,
              groupId: options.group,
              update: options.update,
              concurrency: options.concurrency,
              dryRun: options.dryRun,
              ...(options.format && { format: options.format }),
              ...(options.journal && { journal: options.journal }),
              ...(options.map && { map: options.map }),
              ...(options.drop && { drop: options.drop }),
              maxConnectionFailures: options.maxConnectionFailures,
            },
            io,
          );
          return printImportReport(io, report, options.dryRun);
        });
      },
    );

  for (const [name, active] of [['activate', true], ['deactivate', false]] as const) {
    target(program.command(name).description(`${name} instances: the ids given, or every one of the group with --all`).argument('[ids...]', 'service user ids'))
      .option('--all', 'every instance of the group', false)
      .option('--dry-run', 'show the OCI-P document without sending it', false)
      .action(async (ids: string[], options: { tenant: string; group: string; all: boolean; dryRun: boolean }, command: Command) => {
        await withClient(command, async (client) => {
          if (options.dryRun && !(await client.supportsDryRun())) {
            throw new CliError(CliErrorCodes.USAGE, 'the gateway does not document ?dry_run (its openapi.json); refusing a dry run it could apply');
          }
          return runSetActive(client, { tenantId: options.tenant, groupId: options.group, active, ids, all: options.all, dryRun: options.dryRun }, io);
        });
      });
  }
  return program;
}

interface ImportFlags {
  tenant: string;
  group: string;
  update: boolean;
  concurrency: number;
  dryRun: boolean;
  format?: string;
  journal?: string;
  map?: string;
  drop?: ReturnType<typeof parseDrop>;
  maxConnectionFailures: number;
}

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 64) throw new InvalidArgumentError('a whole number from 1 to 64');
  return parsed;
}

/** commander echoes unknown options with their values; a mistyped --pasword=… must not show. */
function redact(text: string): string {
  return text.replace(/(--?[\w-]+)=[^\s']+/g, '$1=*****');
}
