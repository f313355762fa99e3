// System-level reads (OCISchemaSystem.xsd, the same in R21 to R25).
import { one, query, response } from '../schema.js';
import { xsToken } from '../schema.js';

/** e.g. "22.0_1.1123": the release is the number before the first dot. */
export const SystemSoftwareVersionGetResponse = response('SystemSoftwareVersionGetResponse', { version: one(xsToken) });

/** No elements; answered to any logged-in administrator. */
export const SystemSoftwareVersionGetRequest = query('SystemSoftwareVersionGetRequest', {}, SystemSoftwareVersionGetResponse);
