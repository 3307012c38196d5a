// SharePoint sites as tools name them: by URL name ("Sales"), web address (https://contoso.sharepoint.com/sites/Sales)
// or Graph's composite id (host,collection,web). The files group (a site's document library) and the SharePoint
// group (its lists) both resolve a site here, once, and word Graph's refusals the same way.
import type { GraphReader } from '../graph/client.js';
import { GraphError } from '../graph/errors.js';
import { seg } from '../graph/odata.js';
import type { AuthService } from './auth-service.js';
import { ToolError } from './define-tool.js';
import { Text } from './shapes.js';

export interface SiteRef {
  id: string;
  displayName: string;
  webUrl?: string;
}

const COMPOSITE = /^[a-z0-9.-]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i;
const URL_FORM = /^https:\/\/([a-z0-9.-]+)(\/(?:sites|teams)\/[^?#]+?)\/?$/i;
const NAME = /^[^/\\?#%:*<>|"]+$/;

/** The schema of a site parameter. */
export const SiteInput = (description = 'Site: its name (Sales), web address or id') =>
  Text(1024).refine((v) => COMPOSITE.test(v) || URL_FORM.test(v) || (NAME.test(v) && !/^\.+$/.test(v)), 'must be a site name like Sales, a site address like https://contoso.sharepoint.com/sites/Sales, or a site id from sharepoint_find_sites').describe(description);

type Ctx = { graph: GraphReader; signal: AbortSignal; auth: AuthService };
/** The tenant's SharePoint host (from its root site), per sign-in service. */
const hosts = new WeakMap<AuthService, string>();

async function sharePointHost(ctx: Ctx): Promise<string> {
  const known = hosts.get(ctx.auth);
  if (known) return known;
  const root = await ctx.graph.get<{ siteCollection?: { hostname?: string } }>('/sites/root', { query: { $select: 'siteCollection' }, signal: ctx.signal });
  const host = root.siteCollection?.hostname;
  if (!host) throw new ToolError('The tenant has no SharePoint root site to find sites by name; give the site address or id from sharepoint_find_sites.');
  hosts.set(ctx.auth, host);
  return host;
}

/** Graph's path of a site as given. */
async function sitePath(ctx: Ctx, site: string): Promise<string> {
  if (COMPOSITE.test(site)) return `/sites/${site.split(',').map(seg).join(',')}`;
  const url = URL_FORM.exec(site);
  const [host, path] = url ? [url[1], url[2]] : [await sharePointHost(ctx), `/sites/${site}`];
  return `/sites/${seg(host)}:${path.split('/').map((p) => (p ? seg(decodeURIComponent(p)) : p)).join('/')}`;
}

/** The site, or an error that says how to find the right one (not found) or what access is missing. */
export async function findSite(ctx: Ctx, site: string): Promise<SiteRef> {
  try {
    const s = await ctx.graph.get<SiteRef>(await sitePath(ctx, site), { query: { $select: 'id,displayName,webUrl' }, signal: ctx.signal });
    return { id: s.id, displayName: s.displayName, ...(s.webUrl ? { webUrl: s.webUrl } : {}) };
  } catch (e) {
    throw siteError(e, site);
  }
}

/** Graph's refusals on a site, worded: which site, and what would let the user in. */
export function siteError(e: unknown, site: string): unknown {
  if (!(e instanceof GraphError)) return e;
  if (e.status === 404) return new ToolError(`No site "${site}" was found (Graph ${e.code}). sharepoint_find_sites lists the sites you can open.`);
  if (e.status === 403) {
    return new ToolError(`No access to the site "${site}" (Graph ${e.code}: ${e.graphMessage}). The signed-in user must be a member or visitor of the site (its owner adds them), and the app needs Sites.Read.All (organization mode).`);
  }
  return e;
}
