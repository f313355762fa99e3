// Turns one request document into one answer, whatever the transport: decode strictly, check the
// session, run each command through its handler, and encode one response per command, in order,
// with each command's echo. Commands of a document run one after the other and independently:
// a failed command does not stop or undo the others (OCIP.md §4: no transaction).
// Faults (faults.ts) are applied here, so TCP, TLS and SOAP behave alike.
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeDocument, encodeDocument, ErrorResponse, RELEASE_PROFILES, releaseProblem, SuccessResponse } from '../ocip/codec/index.js';
import type { CommandSpec, DecodedCommand, OutgoingCommand, OutgoingDocument, Release } from '../ocip/codec/index.js';
import { OcipEncodeError, OcipProtocolError } from '../ocip/errors.js';
import { errorResponseValue, simError, SimulatorError } from './errors.js';
import { GARBAGE_ANSWER } from './faults.js';
import type { FaultInjector, ForcedError } from './faults.js';
import { authorizer } from './handlers/context.js';
import type { HandlerContext } from './handlers/context.js';
import { handlers, LOGIN_COMMANDS } from './handlers/index.js';
import type { Authenticator } from './session-auth.js';
import type { SessionState } from './session.js';
import type { World } from './world/world.js';

/** drop: close the connection without an answer (a fault, or input that is not OCI-P at all). */
/** An answer is text to encode, or (rewritten by a test) bytes to send as they are. */
export type Outcome = { kind: 'answer'; text: string; bytes?: Buffer } | { kind: 'drop' };

export interface DispatcherDeps {
  world: World;
  auth: Authenticator;
  faults: FaultInjector;
  clock: () => number;
  /** The release whose command set is served: what its schema lacks is answered 6004, as its server would. */
  release: Release;
  /** Called after a document that changed the world. */
  onWorldChanged: () => void;
}

const SESSION_ID_PATTERN = /<sessionId[^>]*>([^<]*)<\/sessionId>/;
const BROADSOFT_DOCUMENT = /<([\w.-]+:)?BroadsoftDocument[\s>]/;

/** A fresh one per command: a seeded Login or Logout cannot leak into the next command. */
function systemSession(): SessionState {
  return {
    key: 'system',
    transport: 'tcp',
    remoteAddress: '',
    login: { sessionId: 'system', userId: 'system', loginType: 'System', isEnterprise: false, loggedInAt: 0 },
  };
}

export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** Answers one request document received on `session`. */
  async handle(session: SessionState, text: string): Promise<Outcome> {
    const { faults } = this.deps;
    let document;
    try {
      document = decodeDocument(text, { strict: true });
    } catch (error) {
      if (!(error instanceof OcipProtocolError)) throw error;
      // No BroadsoftDocument at all: not OCI-P, the connection is closed.
      if (!BROADSOFT_DOCUMENT.test(text) || error.message.startsWith('root element')) {
        return { kind: 'drop' };
      }
      // A BroadsoftDocument the schema refuses as a whole: one ErrorResponse, under whatever sessionId can be salvaged.
      await this.delay(false);
      const sessionId = SESSION_ID_PATTERN.exec(text)?.[1]?.trim() ?? '';
      const failure = simError('REQUEST_VALIDATION', undefined, error.message);
      return answer(sessionId, [{ spec: ErrorResponse, value: errorResponseValue(failure) }]);
    }

    const types = document.commands.map((command) => command.type);
    const fault = faults.takeDocumentFault(types);
    if (fault === 'drop') return { kind: 'drop' };

    const revision = this.deps.world.revision;
    const responses = document.commands.map((command) => this.runCommand(session, document.sessionId, command));
    if (this.deps.world.revision !== revision) this.deps.onWorldChanged();
    if (fault === 'applyThenDrop') return { kind: 'drop' };

    await this.delay(types.some((type) => LOGIN_COMMANDS.has(type) && type !== 'LogoutRequest'));
    if (fault === 'garbage') return { kind: 'answer', text: GARBAGE_ANSWER };
    const sessionId = fault === 'wrongSessionId' ? `${document.sessionId}-not-yours` : document.sessionId;
    const outcome = answer(sessionId, responses);
    if (outcome.kind !== 'answer') return outcome;
    const rewritten = faults.rewrite(outcome.text);
    return typeof rewritten === 'string' ? { kind: 'answer', text: rewritten } : { kind: 'answer', text: outcome.text, bytes: rewritten };
  }

  /** Runs one command as a system administrator, on no connection (the seed world). */
  runAsSystem(command: DecodedCommand): OutgoingCommand {
    return this.runCommand(systemSession(), 'system', command);
  }

  private runCommand(session: SessionState, sessionId: string, command: DecodedCommand): OutgoingCommand {
    const echo = command.echo ?? '';
    try {
      if (command.problem !== undefined) throw simError('REQUEST_VALIDATION', undefined, command.problem);
      const lacking = releaseProblem(RELEASE_PROFILES[this.deps.release], command.type, command.value);
      if (lacking !== undefined) throw simError('REQUEST_VALIDATION', undefined, lacking);
      const forced = this.deps.faults.takeError(command.type);
      if (forced) return { spec: ErrorResponse, value: forcedErrorValue(forced), echo };
      checkSession(session, sessionId, command.type);
      const handler = handlers.get(command.type);
      if (!handler || command.spec.role !== 'request') throw simError('NOT_SUPPORTED', command.type);
      const ctx: HandlerContext = {
        world: this.deps.world,
        session,
        sessionId,
        auth: this.deps.auth,
        now: this.deps.clock(),
        release: this.deps.release,
        authorize: authorizer(session.login),
      };
      const value = handler.handle(ctx, command.value);
      return { spec: handler.spec.response as CommandSpec, value, echo };
    } catch (error) {
      const failure = error instanceof SimulatorError ? error : simError('INTERNAL', undefined, String((error as Error)?.message ?? error));
      return { spec: ErrorResponse, value: errorResponseValue(failure), echo };
    }
  }

  private async delay(isLogin: boolean): Promise<void> {
    const ms = this.deps.faults.answerDelayMs + (isLogin ? this.deps.faults.loginDelay : 0);
    if (ms > 0) await sleep(ms);
  }
}

/**
 * Before login only login commands pass. After it, the connection answers only the sessionId it
 * logged in with: another one is refused, even for a new login (log out first).
 */
function checkSession(session: SessionState, sessionId: string, type: string): void {
  if (session.login) {
    if (session.login.sessionId !== sessionId) throw simError('INVALID_SESSION', undefined, 'this connection is logged in under another sessionId');
  } else if (!LOGIN_COMMANDS.has(type)) {
    throw simError('INVALID_SESSION', undefined, 'not logged in');
  }
}

function forcedErrorValue(forced: ForcedError) {
  return {
    ...(forced.errorCode !== undefined ? { errorCode: forced.errorCode } : {}),
    summary: forced.summary,
    summaryEnglish: forced.summary,
    ...(forced.detail !== undefined ? { detail: forced.detail } : {}),
    type: 'Error' as const,
  };
}

/**
 * A response the schema refuses is a simulator bug: that command is answered with 4799 instead,
 * so one bad handler cannot take the whole document (or the connection) down.
 */
function answer(sessionId: string, commands: OutgoingCommand[]): Outcome {
  try {
    return { kind: 'answer', text: encodeDocument({ sessionId, commands }) };
  } catch (error) {
    if (!(error instanceof OcipEncodeError)) throw error;
    const safeSessionId = encodes({ sessionId, commands: [successProbe] }) ? sessionId : '';
    const repaired = commands.map((command) =>
      encodes({ sessionId: safeSessionId, commands: [command] })
        ? command
        : { spec: ErrorResponse, value: errorResponseValue(simError('INTERNAL', undefined, 'the answer broke the schema')), echo: command.echo ?? '' },
    );
    return { kind: 'answer', text: encodeDocument({ sessionId: safeSessionId, commands: repaired }) };
  }
}

const successProbe: OutgoingCommand = { spec: SuccessResponse, value: {} };

function encodes(document: OutgoingDocument): boolean {
  try {
    encodeDocument(document);
    return true;
  } catch {
    return false;
  }
}
