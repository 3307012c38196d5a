// The tenant of one running sandbox: the directory, then every workload built from the list below and wired
// through the ports they offer each other (ports.ts). A new workload is a module added to WORKLOADS; nothing
// else in the sandbox names it.

import type { TenantSettings } from './contract.js';
import { directoryWorkload, seedDirectory } from './directory/module.js';
import type { Directory } from './directory/directory.js';
import type { MountedRoute } from './graph/types.js';
import { PORT_NAMES, type Ports } from './ports.js';
import type { MountedEndpoint, WorkloadModule } from './workload.js';
import { calendarWorkload } from './workloads/exchange/calendar/module.js';
import { contactsWorkload } from './workloads/exchange/contacts/module.js';
import { mailWorkload } from './workloads/exchange/mail/module.js';
import { todoWorkload } from './workloads/exchange/todo/module.js';
import { drivesWorkload } from './workloads/drives/module.js';
import { plannerWorkload } from './workloads/planner/module.js';
import { sitesWorkload } from './workloads/sites/module.js';
import { searchWorkload } from './workloads/search/module.js';
import { teamsWorkload } from './workloads/teams/module.js';
import { oneNoteWorkload } from './workloads/onenote/module.js';

/** In this order their seeds run (mail before calendar keeps every seeded id as it has always been). */
export const WORKLOADS: readonly WorkloadModule[] = [directoryWorkload, mailWorkload, calendarWorkload, contactsWorkload, todoWorkload, drivesWorkload, sitesWorkload, plannerWorkload, searchWorkload, teamsWorkload, oneNoteWorkload];

export interface Tenant {
  readonly directory: Directory;
  /** Every workload's Graph routes, bound to its state. */
  readonly routes: readonly MountedRoute[];
  /** Every workload's pre-authenticated endpoints outside /v1.0. */
  readonly endpoints: readonly MountedEndpoint[];
}

export function createTenant(settings: TenantSettings = {}): Tenant {
  const directory = seedDirectory();
  const instances = WORKLOADS.map((w) => w.instantiate(directory, settings));
  const offered: Partial<Ports> = {};
  for (const instance of instances) {
    for (const name of Object.keys(instance.provided) as (keyof Ports)[]) {
      if (offered[name]) throw new Error(`sandbox: two workloads offer the port '${name}'`);
    }
    Object.assign(offered, instance.provided);
  }
  const ports = allPorts(offered);
  for (const instance of instances) instance.start(ports);
  return { directory, routes: instances.flatMap((i) => i.routes), endpoints: instances.flatMap((i) => i.endpoints) };
}

function allPorts(offered: Partial<Ports>): Ports {
  const missing = Object.keys(PORT_NAMES).filter((name) => !(name in offered));
  if (missing.length) throw new Error(`sandbox: no workload offers the port(s) ${missing.join(', ')}`);
  return offered as Ports;
}
