// A session speaks one BroadWorks release: pinned by configuration, or learned once per client (the
// login variant that worked, then SystemSoftwareVersionGetRequest) and shared by its later sessions.
// Before a document goes out, each release-neutral request becomes that release's command and a
// command the release lacks is refused here; the answers come back in the neutral shape.
import { RELEASE_PROFILES, releaseOfVersion, releaseProblem, SystemSoftwareVersionGetRequest } from '../codec/index.js';
import type { CommandSpec, DecodedCommand, OutgoingCommand, Release, ReleaseProfile } from '../codec/index.js';
import { OcipEncodeError } from '../errors.js';
import type { Exchange } from './login.js';

/** 'auto': learn it from the server. */
export type ReleaseSetting = Release | 'auto';

/** What one client's sessions learned about the server's release; pinned settings fill it at once. */
export class ReleaseMemo {
  profile: ReleaseProfile | undefined;

  constructor(setting: ReleaseSetting = 'auto') {
    this.profile = setting === 'auto' ? undefined : RELEASE_PROFILES[setting];
  }
}

/**
 * Asks the server its version; where it will not say (a refused or odd answer), the release the
 * login implied, else R25, the release the adapter is written against.
 */
export async function learnRelease(exchange: Exchange, implied: ReleaseProfile | undefined): Promise<ReleaseProfile> {
  const [reply] = await exchange([{ spec: SystemSoftwareVersionGetRequest, value: {} }]);
  const version = reply?.type === 'SystemSoftwareVersionGetResponse' ? reply.value?.version : undefined;
  const release = typeof version === 'string' ? releaseOfVersion(version) : undefined;
  return release ? RELEASE_PROFILES[release] : (implied ?? RELEASE_PROFILES.R25);
}

/** The commands as `profile` names them; throws OcipEncodeError for one the release cannot carry. */
export function toRelease(profile: ReleaseProfile, commands: readonly OutgoingCommand[]): readonly OutgoingCommand[] {
  let translated: OutgoingCommand[] | undefined;
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index]!;
    const { spec } = command;
    if (spec.portable) {
      const translation = profile.translations.get(spec.name);
      if (!translation) throw new OcipEncodeError(`${spec.name} has no command in BroadWorks ${profile.release}`, `command[${index}]`);
      translated ??= [...commands];
      const value = translation.toValue(command.value as Record<string, unknown>);
      translated[index] = command.echo === undefined ? { spec: translation.spec, value } : { spec: translation.spec, value, echo: command.echo };
      continue;
    }
    const problem = releaseProblem(profile, spec.name, command.value);
    if (problem !== undefined) throw new OcipEncodeError(problem, `command[${index}]`);
  }
  return translated ?? commands;
}

/** The answers to release-neutral requests, read back into their neutral response. */
export function fromRelease(profile: ReleaseProfile, sent: readonly OutgoingCommand[], replies: DecodedCommand[]): DecodedCommand[] {
  for (let index = 0; index < sent.length; index++) {
    const spec = sent[index]!.spec;
    const reply = replies[index];
    if (!spec.portable || !reply || reply.problem !== undefined) continue;
    const translation = profile.translations.get(spec.name)!;
    if (reply.type !== (translation.spec.response as CommandSpec).name) continue;
    const neutral = spec.response as CommandSpec;
    replies[index] = { type: neutral.name, echo: reply.echo, spec: neutral, value: translation.fromResponse(reply.value) };
  }
  return replies;
}
