// AUDIT_ENABLED: every answer under /api carries `_internal_record_id`, and every such id names a
// record — who, route, tenant/group, the OCI-P commands sent and their outcome, the answer's status
// and APIO error. The record is written as the JSON answer is handed over, before it leaves, so a
// client that reads the log after an answer finds it (and with the SQLite store it is on disk by
// then); an answer that is not JSON (or a client that walked away) is recorded once it ends.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { runAudited } from '../audit/index.js';
import type { AuditContext, AuditLog } from '../audit/index.js';
import { clientAddress } from './auth-credentials.js';
import { dryRunRequested } from './dry-run.js';

const MUTATING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const RECORD_ID_FIELD = '_internal_record_id';

export function auditRequests(log: AuditLog): RequestHandler {
  return (request, response, next) => {
    const started = performance.now();
    const context: AuditContext = { recordId: randomUUID(), commands: [] };
    const path = request.originalUrl.split('?')[0]!;
    // A dry run changes nothing: its record says so (the query string itself is not kept).
    const dryRun = MUTATING.has(request.method) && isDryRun(request);
    let written = false;
    const write = (status: number): void => {
      if (written) return;
      written = true;
      log.write({
        id: context.recordId,
        time: new Date().toISOString(),
        who: context.who ?? null,
        address: clientAddress(request),
        method: request.method,
        route: context.route ?? path,
        path,
        ...(context.tenantId !== undefined && { tenantId: context.tenantId }),
        ...(context.groupId !== undefined && { groupId: context.groupId }),
        ocipCommands: context.commands,
        status,
        ...(context.error && { error: context.error }),
        ...(dryRun && { dryRun: true as const }),
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      });
    };
    const json = response.json.bind(response);
    response.json = (body: unknown) => {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return json(body);
      const first = (body as { errors?: Array<{ code?: unknown; details?: { reason?: unknown } }> }).errors?.[0];
      if (typeof first?.code === 'number') context.error = { code: first.code, reason: String(first.details?.reason ?? '') };
      write(response.statusCode);
      return json({ ...body, [RECORD_ID_FIELD]: context.recordId });
    };
    response.once('finish', () => write(response.statusCode));
    response.once('close', () => write(response.writableFinished ? response.statusCode : 499));
    runAudited(context, () => next());
  };
}

function isDryRun(request: Request): boolean {
  try {
    return dryRunRequested(request);
  } catch {
    return false; // a bad value is refused by the route itself, with a 400
  }
}
