// AUDIT_ENABLED: every answer under /api carries `_internal_record_id`, and each mutating call
// (POST, PUT, PATCH, DELETE) leaves a record — who, route, tenant/group, the OCI-P commands sent and
// their outcome, the answer's status and APIO error — written to the store once the answer is out.
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
    const json = response.json.bind(response);
    response.json = (body: unknown) => {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return json(body);
      const first = (body as { errors?: Array<{ code?: unknown; details?: { reason?: unknown } }> }).errors?.[0];
      if (typeof first?.code === 'number') context.error = { code: first.code, reason: String(first.details?.reason ?? '') };
      return json({ ...body, [RECORD_ID_FIELD]: context.recordId });
    };
    if (MUTATING.has(request.method)) {
      const path = request.originalUrl.split('?')[0]!;
      // A dry run changes nothing: its record says so (the query string itself is not kept).
      const dryRun = isDryRun(request);
      // 'finish' once the answer is handed to the socket — before the client can send its next
      // request, so a reader after it finds the record; 'close' alone when the client walked away.
      let written = false;
      const write = (): void => {
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
          status: response.writableFinished ? response.statusCode : 499,
          ...(context.error && { error: context.error }),
          ...(dryRun && { dryRun: true as const }),
          durationMs: Math.round((performance.now() - started) * 100) / 100,
        });
      };
      response.once('finish', write);
      response.once('close', write);
    }
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
