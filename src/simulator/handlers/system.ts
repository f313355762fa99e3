// System-level reads (OCISchemaSystem.xsd): the software version, which tells a client the release.
import { SystemSoftwareVersionGetRequest } from '../../ocip/codec/index.js';
import type { Release } from '../../ocip/codec/index.js';
import { handler } from './context.js';
import type { Handler } from './context.js';

/** Version strings in the form BroadWorks answers them ("<release>.0_<patch level>"). */
const VERSIONS: Readonly<Record<Release, string>> = {
  R21: '21.sp1_1.551',
  R22: '22.0_1.1123',
  R24: '24.0_1.944',
  R25: '25.0_1.1084',
};

export const systemHandlers: Handler[] = [
  // Answered to any logged-in administrator: a client asks it right after its login, whatever its scope.
  handler(SystemSoftwareVersionGetRequest, (ctx) => ({ version: VERSIONS[ctx.release] })),
];
