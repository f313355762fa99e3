// Fault injection for the client's tests: latency, slow logins, dropped connections (before the
// request runs, or after it ran: a lost answer), answers that are not OCI-P, answers for the wrong
// session, and forced ErrorResponses. One-shot faults fire
// once, on the next request that matches (any request when no command type is given), in the
// order they were armed.

export type DocumentFault = 'drop' | 'applyThenDrop' | 'garbage' | 'wrongSessionId';

export interface ForcedError {
  /** When given, the ErrorResponse carries an <errorCode> element (real systems usually omit it). */
  errorCode?: number;
  /** Sent verbatim as summary and summaryEnglish, e.g. `[Error 4008] User not found: x`. */
  summary: string;
  detail?: string;
}

/** What a garbage answer is: bytes that end like a document would, so a framer hands them over. */
export const GARBAGE_ANSWER = '<html>oops</html>\n';

interface ArmedDocumentFault {
  fault: DocumentFault;
  commandType: string | undefined;
}

interface ArmedError extends ForcedError {
  commandType: string;
}

export type AnswerRewriter = (text: string) => string | Buffer;

export class FaultInjector {
  private latencyMs = 0;
  private loginDelayMs = 0;
  private documentFaults: ArmedDocumentFault[] = [];
  private errors: ArmedError[] = [];
  private rewriter: AnswerRewriter | undefined;

  /**
   * Every answer passes through `rewrite` before it is sent: text is then encoded as usual, bytes go
   * out as they are. For the documents real servers send (another XSI prefix, a newer release's
   * extra elements, a byte order mark); undefined turns it off.
   */
  rewriteAnswers(rewrite: AnswerRewriter | undefined): void {
    this.rewriter = rewrite;
  }

  /** The answer as rewritten (or as it was). */
  rewrite(text: string): string | Buffer {
    return this.rewriter ? this.rewriter(text) : text;
  }

  /** Added before every answer (0 turns it off). */
  latency(ms: number): void {
    this.latencyMs = checkDelay(ms);
  }

  /** Added before every answer to a document with a login command, on top of latency. */
  slowLogin(ms: number): void {
    this.loginDelayMs = checkDelay(ms);
  }

  /** Closes the socket (or the HTTP connection) without answering, and without running the request. */
  dropConnectionOnNext(commandType?: string): void {
    this.documentFaults.push({ fault: 'drop', commandType });
  }

  /**
   * Runs the request (its changes are made and kept), then closes the connection without answering:
   * the answer lost after BroadWorks applied the change, which a client cannot tell from a request
   * that never ran.
   */
  applyThenDropOnNext(commandType?: string): void {
    this.documentFaults.push({ fault: 'applyThenDrop', commandType });
  }

  /** Runs the request, then answers GARBAGE_ANSWER instead of the document. */
  garbageOnNext(commandType?: string): void {
    this.documentFaults.push({ fault: 'garbage', commandType });
  }

  /** Runs the request, then answers a well-formed document carrying another sessionId. */
  wrongSessionIdOnNext(commandType?: string): void {
    this.documentFaults.push({ fault: 'wrongSessionId', commandType });
  }

  /** The next command of this type is answered with this ErrorResponse and not run. */
  errorOnNext(commandType: string, error: ForcedError): void {
    this.errors.push({ commandType, ...error });
  }

  reset(): void {
    this.latencyMs = 0;
    this.loginDelayMs = 0;
    this.documentFaults = [];
    this.errors = [];
    this.rewriter = undefined;
  }

  get answerDelayMs(): number {
    return this.latencyMs;
  }

  get loginDelay(): number {
    return this.loginDelayMs;
  }

  /** Consumes the first armed document fault matching one of the document's command types. */
  takeDocumentFault(commandTypes: readonly string[]): DocumentFault | undefined {
    const index = this.documentFaults.findIndex((f) => f.commandType === undefined || commandTypes.includes(f.commandType));
    if (index === -1) return undefined;
    return this.documentFaults.splice(index, 1)[0]!.fault;
  }

  /** Consumes the first forced error armed for this command type. */
  takeError(commandType: string): ForcedError | undefined {
    const index = this.errors.findIndex((e) => e.commandType === commandType);
    if (index === -1) return undefined;
    const { commandType: _type, ...error } = this.errors.splice(index, 1)[0]!;
    return error;
  }
}

function checkDelay(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a delay is a finite number of ms >= 0, not ${ms}`);
  return ms;
}
