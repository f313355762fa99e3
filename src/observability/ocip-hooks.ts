// The OCI-P client's hooks: each document feeds the metrics and the request's round-trip count, and
// at level trace each document is logged (passwords already masked by the session) with the id of
// the request it serves.
import type { DocumentEvent } from '../ocip/client.js';
import type { TraceEvent } from '../ocip/session/session.js';
import { maskPasswords } from '../ocip/session/password-mask.js';
import type { Logger } from './logger.js';
import type { AdapterMetrics } from './metrics.js';
import { requestContext } from './request-context.js';

const MAX_TRACKED_SESSIONS = 512;

export interface OcipHooks {
  onDocument: (event: DocumentEvent) => void;
  /** Only when the level lets trace lines through: building them costs on every document. */
  onTrace?: (event: TraceEvent) => void;
}

export function ocipHooks(logger: Logger, metrics: AdapterMetrics): OcipHooks {
  const onDocument = (event: DocumentEvent): void => {
    metrics.observeDocument(event);
    const context = requestContext.getStore();
    if (context) context.ocipDocuments++;
  };
  if (!logger.isLevelEnabled('trace')) return { onDocument };

  // An answer arrives on the socket's callback, outside the request's async context. A session has
  // one document in flight and the pool lends it to one request at a time, so the answer belongs to
  // the request that sent the session's last document.
  const lastSender = new Map<string, string | undefined>();
  const onTrace = (event: TraceEvent): void => {
    let reqId = requestContext.getStore()?.requestId;
    if (event.direction === 'out') {
      lastSender.set(event.sessionId, reqId);
      // Sessions dropped without a logout leave an entry: keep the map as small as a pool.
      if (lastSender.size > MAX_TRACKED_SESSIONS) lastSender.delete(lastSender.keys().next().value!);
    }
    else reqId = lastSender.get(event.sessionId);
    if (event.commandTypes.includes('LogoutRequest')) lastSender.delete(event.sessionId);
    // The session masks already; masking again costs little and keeps this line safe on its own.
    logger.trace(
      { reqId, ocip: { direction: event.direction, sessionId: event.sessionId, commands: event.commandTypes }, xml: maskPasswords(event.xml) },
      event.direction === 'out' ? 'ocip document sent' : 'ocip document received',
    );
  };
  return { onDocument, onTrace };
}
