// Opens a TCP or TLS socket with a connect timeout of our own: node's `timeout` option is an idle
// timer, not a bound on connecting. Failures become OcipConnectTimeoutError / OcipConnectError.
import type { Socket } from 'node:net';
import { OcipConnectError, OcipConnectTimeoutError } from '../errors.js';

export interface OpenSocketOptions<T> {
  address: string;
  timeoutMs: number;
  /** Starts connecting (net.connect or tls.connect). */
  start: () => Socket;
  /** 'connect' for TCP, 'secureConnect' for TLS (the handshake is part of connecting). */
  readyEvent: 'connect' | 'secureConnect';
  keepAliveInitialDelayMs: number;
  /** Wraps the connected socket, synchronously, so no socket event falls between two owners. */
  wrap: (socket: Socket) => T;
}

export function openSocket<T>(options: OpenSocketOptions<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = options.start();
    const timer = setTimeout(() => {
      cleanup();
      ignoreLateErrors();
      socket.destroy();
      reject(new OcipConnectTimeoutError(options.address, options.timeoutMs));
    }, options.timeoutMs);
    const onError = (error: Error) => {
      cleanup();
      ignoreLateErrors();
      socket.destroy();
      reject(new OcipConnectError(options.address, error));
    };
    const onReady = () => {
      cleanup();
      // Keep-alive finds a dead peer on an idle pooled session; no-delay because every write is a
      // whole document that waits for its answer.
      socket.setKeepAlive(true, options.keepAliveInitialDelayMs);
      socket.setNoDelay(true);
      resolve(options.wrap(socket));
    };
    function cleanup(): void {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off(options.readyEvent, onReady);
    }
    // After a failure the socket is destroyed; a straggling 'error' must not crash the process.
    const ignoreLateErrors = () => socket.on('error', () => {});
    socket.once('error', onError);
    socket.once(options.readyEvent, onReady);
  });
}
