// Every gate on which tools are offered lives here, once. It filters the tool definitions and the
// build-time manifest alike (both carry name, group, kind and orgOnly), so the two cannot disagree.
import type { AnyTool } from './define-tool.js';
import type { Group } from './groups.js';

export interface Selection {
  groups: Set<Group>;
  readOnly: boolean;
  orgMode: boolean;
  /** Organization mode may also write to SharePoint and others' files (MS365_MCP_SITE_WRITES): permissions
   *  beyond the deployment guide's, asked for only then. */
  siteWrites?: boolean;
  enabledTools?: RegExp;
}

/** What the gates look at: a definition or a manifest entry. */
export type Selectable = Pick<AnyTool, 'name' | 'group' | 'kind' | 'orgOnly' | 'needsSiteWrites' | 'scopes'>;

/** A permission that lets an app change data. */
export const WRITE_SCOPE = /ReadWrite|\.Send|\.Create|Write/;

export function selectTools<T extends Selectable>(all: readonly T[], s: Selection): T[] {
  return all.filter(
    (t) =>
      s.groups.has(t.group) &&
      // Auth tools change only the local sign-in, never the tenant, so read-only mode keeps them.
      !(s.readOnly && t.kind !== 'read' && t.group !== 'auth') &&
      // A read that Graph allows only with a write permission (Excel's workbook API) is not read-only either.
      !(s.readOnly && t.scopes.some((x) => WRITE_SCOPE.test(x))) &&
      !(!s.orgMode && t.orgOnly) &&
      !(t.needsSiteWrites && !(s.orgMode && s.siteWrites)) &&
      (!s.enabledTools || s.enabledTools.test(t.name)),
  );
}
