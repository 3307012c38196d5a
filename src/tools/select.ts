// Every gate on which tools are offered lives here, once.
import type { AnyTool } from './define-tool.js';
import type { Group } from './groups.js';

export interface Selection {
  groups: Set<Group>;
  readOnly: boolean;
  orgMode: boolean;
  enabledTools?: RegExp;
}

export function selectTools(all: readonly AnyTool[], s: Selection): AnyTool[] {
  return all.filter(
    (t) =>
      s.groups.has(t.group) &&
      // Auth tools change only the local sign-in, never the tenant, so read-only mode keeps them.
      !(s.readOnly && t.kind !== 'read' && t.group !== 'auth') &&
      !(!s.orgMode && t.orgOnly) &&
      (!s.enabledTools || s.enabledTools.test(t.name)),
  );
}
