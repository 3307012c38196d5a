// This server's own app registration as an MSAL confidential client, for the many-user HTTP mode: on behalf of a
// person (obo.ts) and the sign-in front's authorization code flow (multiuser/front/). Loaded only in that mode:
// MSAL is large.
import { X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication, CryptoProvider, DistributedCachePlugin, type ICacheClient, type ICachePlugin, type IPartitionManager, LogLevel as MsalLogLevel } from '@azure/msal-node';
import type { Logger } from '../log.js';
import { type Cloud, cloudEndpoints, sandboxMetadata } from './clouds.js';
import { FetchNetworkClient } from './network.js';

export interface ConfidentialOptions {
  clientId: string;
  /** The app's credential: a secret, or a certificate and its private key (PEM, one text). */
  clientSecret?: string;
  clientCertificate?: string;
  tenantId: string;
  cloud: Cloud;
  sandboxUrl?: string;
  log: Logger;
  /** Where MSAL keeps its tokens between calls and restarts; in memory without one. */
  cachePlugin?: ICachePlugin;
  /** The tenant's OpenID configuration, when already known (so a new client does not fetch it again). */
  authorityMetadata?: string;
}

export function confidentialClient(o: ConfidentialOptions): ConfidentialClientApplication {
  const ep = cloudEndpoints(o.cloud, o.sandboxUrl);
  const authority = `${ep.authorityHost}/${o.tenantId}`;
  return new ConfidentialClientApplication({
    auth: { clientId: o.clientId, ...credential(o), authority, knownAuthorities: [new URL(ep.authorityHost).host], ...(o.cloud === 'sandbox' ? sandboxMetadata(authority) : o.authorityMetadata ? { authorityMetadata: o.authorityMetadata } : {}) },
    ...(o.cachePlugin ? { cache: { cachePlugin: o.cachePlugin } } : {}),
    system: {
      networkClient: new FetchNetworkClient({ sandboxUrl: o.cloud === 'sandbox' ? o.sandboxUrl : undefined, log: o.log }),
      loggerOptions: { piiLoggingEnabled: false, logLevel: MsalLogLevel.Warning, loggerCallback: (_l, message) => o.log.debug(`auth: msal: ${message}`) },
    },
  });
}

/** MSAL's distributed cache plugin: a cache client (get/set by key) and a partition manager choosing the key. */
export const distributedCache = (client: ICacheClient, partitions: IPartitionManager): ICachePlugin => new DistributedCachePlugin(client, partitions);

export { adminConsentUrl } from './consent-url.js';

/** Graph's permissions of a scope list, without the OpenID Connect ones MSAL adds itself. */
export const graphOnly = (scopes: readonly string[]) => scopes.filter((s) => !['openid', 'profile', 'offline_access'].includes(s.toLowerCase()));

/** MSAL's form of the credential: the secret, or the certificate's SHA-256 thumbprint (hex) with its private key. */
function credential(o: Pick<ConfidentialOptions, 'clientSecret' | 'clientCertificate'>): { clientSecret: string } | { clientCertificate: { thumbprintSha256: string; privateKey: string } } {
  if (o.clientCertificate) {
    const cert = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/.exec(o.clientCertificate)?.[0];
    const key = /-----BEGIN (?:RSA )?PRIVATE KEY-----[^-]+-----END (?:RSA )?PRIVATE KEY-----/.exec(o.clientCertificate)?.[0];
    if (!cert || !key) throw new Error('the client certificate file needs the certificate and its private key, both PEM');
    return { clientCertificate: { thumbprintSha256: new X509Certificate(cert).fingerprint256.replace(/:/g, ''), privateKey: key } };
  }
  if (!o.clientSecret) throw new Error('the app registration needs a client secret or certificate');
  return { clientSecret: o.clientSecret };
}

/** A PKCE verifier and its S256 challenge, as MSAL makes them. */
export const pkceCodes = (): Promise<{ verifier: string; challenge: string }> => new CryptoProvider().generatePkceCodes();
