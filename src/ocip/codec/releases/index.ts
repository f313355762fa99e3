// BroadWorks releases: the profiles (what each release calls a command) and the release-neutral requests.
export { GroupGet, GroupProfile, portableRequests } from './portable.js';
export { parseRelease, releaseOfVersion, releaseProblem, RELEASE_PROFILES, RELEASES } from './release-profiles.js';
export type { Release, ReleaseProfile, Translation } from './release-profiles.js';
