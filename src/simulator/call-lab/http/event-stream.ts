// GET /v1.0/events: the lab's events as server-sent events, from the moment of connecting.
//   id: 12
//   event: groupcall_progressing
//   data: {"type":"groupcall_progressing","data":{…the groupcall…}}
// `?types=groupcall_,call_hangup` keeps events whose type starts with one of the prefixes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../events.js';

export function eventStream(events: EventHub): (request: IncomingMessage, response: ServerResponse) => void {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://lab');
    const prefixes = (url.searchParams.get('types') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      // Proxies (nginx) would otherwise hold events back until a buffer fills.
      'X-Accel-Buffering': 'no',
    });
    // A comment first, so a client sees the stream open before any event.
    response.write(': call lab events\n\n');
    const unsubscribe = events.subscribe((event) => {
      if (prefixes.length > 0 && !prefixes.some((prefix) => event.type.startsWith(prefix))) return;
      response.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ type: event.type, data: event.data })}\n\n`);
    });
    // The response closes with the connection (the client left, or the listener is closing). Not
    // the request's 'close': that one is about the request body, not the connection.
    response.once('close', unsubscribe);
  };
}
