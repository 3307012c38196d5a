// The Graph side's contract with the rest of the sandbox (implemented in graph/index.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessCheck } from '../identity/service.js';
import type { Tenant } from '../seed/index.js';

export interface GraphOptions {
  tenant: Tenant;
  verifyAccessToken: (token: string) => Promise<AccessCheck>;
  log: (line: string) => void;
}

export interface GraphService {
  /** Serves a request whose path starts with /v1.0 (including /v1.0/$batch). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}
