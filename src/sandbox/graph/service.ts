// The Graph side's contract with the rest of the sandbox (implemented in graph/index.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessCheck } from '../identity/service.js';
import type { Directory } from '../directory/directory.js';
import type { GraphError, MountedRoute } from './types.js';

export interface GraphOptions {
  directory: Directory;
  /** Every workload's routes, bound to its state (tenant.ts). */
  routes: readonly MountedRoute[];
  verifyAccessToken: (token: string) => Promise<AccessCheck>;
  log: (line: string) => void;
  /** A fault for one request inside a $batch (its method and path after /v1.0): the status it gets instead. */
  memberFault?: (method: string, path: string) => GraphError | undefined;
}

export interface GraphService {
  /** Serves a request whose path starts with /v1.0 (including /v1.0/$batch). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}
