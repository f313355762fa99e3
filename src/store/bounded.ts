// Every call to a store across the network ends within a limit: a Redis that is down or stalled
// must turn into a clear 503 for the caller, never a request that hangs.
import { ApioError } from '../domain/errors.js';

/** The state store did not answer: the request is refused with 503 STORE_UNAVAILABLE. */
export class StoreUnavailableError extends ApioError {
  override name = 'StoreUnavailableError';
  constructor(message: string, cause?: unknown) {
    super('STORE_UNAVAILABLE', message, {}, { cause });
  }
}

/** `work`, or StoreUnavailableError when it fails or takes longer than timeoutMs. */
export async function bounded<T>(work: () => Promise<T>, timeoutMs: number, where: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`the state store (${where}) did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(`the state store (${where}) is unavailable: ${why}`, error);
  } finally {
    clearTimeout(timer);
  }
}
