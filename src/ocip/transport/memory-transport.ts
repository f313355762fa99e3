// Two Channels joined back to back, with no socket: what one end sends the other receives, on a later
// macrotask as real I/O would deliver it. Tests give the session the client end and a fake server the
// other; an embedded server can use it the same way.
import { OcipSocketClosedError } from '../errors.js';
import { ChannelBase } from './channel.js';
import type { Channel, Transport } from './channel.js';

class MemoryChannel extends ChannelBase {
  peer!: MemoryChannel;

  constructor(readonly address: string) {
    super();
  }

  send(document: string): void {
    this.assertOpen(this.address);
    const peer = this.peer;
    setImmediate(() => peer.emitDocument(document));
  }

  close(): void {
    if (this.closed) return;
    this.markClosing();
    // After the documents already sent: setImmediate callbacks run in order.
    setImmediate(() => {
      this.finish(undefined);
      this.peer.hangUp();
    });
  }

  destroy(error?: Error): void {
    this.markClosing();
    this.finish(error);
    setImmediate(() => this.peer.hangUp());
  }

  /** The other end went away. */
  hangUp(): void {
    this.markClosing();
    this.finish(new OcipSocketClosedError(`the connection to ${this.address} closed`));
  }
}

/** A connected pair: [client end, server end]. */
export function createChannelPair(address = 'memory'): [Channel, Channel] {
  const client = new MemoryChannel(address);
  const server = new MemoryChannel(address);
  client.peer = server;
  server.peer = client;
  return [client, server];
}

export interface MemoryTransportOptions {
  /** Whether the session may treat it as encrypted (plain-password login). Default false. */
  secure?: boolean;
  address?: string;
}

/** Each connect() makes a pair and hands the server end to `accept`. */
export class MemoryTransport implements Transport {
  readonly kind = 'memory';
  readonly secure: boolean;
  readonly address: string;

  constructor(
    private readonly accept: (serverEnd: Channel) => void,
    options: MemoryTransportOptions = {},
  ) {
    this.secure = options.secure ?? false;
    this.address = options.address ?? 'memory';
  }

  async connect(): Promise<Channel> {
    const [client, server] = createChannelPair(this.address);
    this.accept(server);
    return client;
  }
}
