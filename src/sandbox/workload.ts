// The one shape of a sandbox workload (the directory, Exchange mail, Exchange calendar; later drives, Teams,
// Planner...): its state built from its seed, its Graph routes over that state, the pre-authenticated endpoints
// it serves outside /v1.0, and the ports it offers and uses. tenant.ts builds the tenant from a list of them.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TenantSettings } from './contract.js';
import type { Directory } from './directory/directory.js';
import { mountRoutes, type MountedRoute, type RouteDef } from './graph/types.js';
import type { Ports } from './ports.js';

/** A URL a workload serves outside Graph, authorized by what the URL carries (an upload URL's token). */
export interface Endpoint<S> {
  /** Path prefix it answers, e.g. Outlook's attachment uploads under /api/gv1.0/. */
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, state: S, log: (line: string) => void): Promise<void>;
}

export interface Workload<S> {
  readonly name: string;
  /** The state, filled from the workload's seed. What it has for other workloads (meeting mail the calendar
   *  seed sends) waits for start(). */
  create(directory: Directory, settings: TenantSettings): S;
  /** The ports this workload offers the others, made from its state. */
  provide?(state: S): Partial<Ports>;
  /** Once every workload exists and every port is offered: keeps the ports it uses, sends what waited. */
  start?(state: S, ports: Ports): void;
  /** Graph routes, given this workload's state as ctx.state. */
  readonly routes: readonly RouteDef<S>[];
  readonly endpoints?: readonly Endpoint<S>[];
}

/** One workload of a running tenant, its state bound into its routes and endpoints. */
export interface WorkloadInstance {
  readonly name: string;
  readonly routes: MountedRoute[];
  readonly endpoints: MountedEndpoint[];
  readonly provided: Partial<Ports>;
  start(ports: Ports): void;
}

export interface MountedEndpoint {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, log: (line: string) => void): Promise<void>;
}

/** What tenant.ts lists: a workload whose state type stays inside it. */
export interface WorkloadModule {
  readonly name: string;
  instantiate(directory: Directory, settings: TenantSettings): WorkloadInstance;
}

export function workload<S>(w: Workload<S>): WorkloadModule {
  return {
    name: w.name,
    instantiate(directory, settings) {
      const state = w.create(directory, settings);
      return {
        name: w.name,
        routes: mountRoutes(state, w.routes),
        endpoints: (w.endpoints ?? []).map((e) => ({ prefix: e.prefix, handle: (req, res, log) => e.handle(req, res, state, log) })),
        provided: w.provide?.(state) ?? {},
        start: (ports) => w.start?.(state, ports),
      };
    },
  };
}
