// Where an administrator grants the app registration's permissions: said by --list-permissions and by the
// error of a missing consent. Apart from MSAL, so the command line reads it without loading MSAL.
import { type Cloud, cloudEndpoints } from './clouds.js';

export const adminConsentUrl = (o: { clientId: string; tenantId: string; cloud: Cloud; sandboxUrl?: string }): string =>
  `${cloudEndpoints(o.cloud, o.sandboxUrl).authorityHost}/${o.tenantId}/adminconsent?client_id=${o.clientId}`;
