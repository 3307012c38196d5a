// /{tenant}/oauth2/v2.0/authorize: the authorization code sign-in. GET checks the request as Entra does (client,
// redirect URI, response type, scopes of one resource, a `resource` parameter that must match them, PKCE's
// challenge method) and shows the sign-in and consent page, or with auto-approval redirects at once; POST from the
// page approves as the chosen demo user or declines. The answer goes back to the redirect URI with code and state.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { appOf } from './apps.js';
import { appDisplayName, isAcceptedClientId } from './authority.js';
import type { IdentityContext } from './context.js';
import { escapeHtml, layout } from './device-login-page.js';
import type { AadError } from './errors.js';
import * as E from './errors.js';
import { BodyTooLarge, readForm, sendHtml, sendMethodNotAllowed } from './http.js';
import { parseScopes, type ParsedScopes } from './scopes.js';

type Checked = { ok: true; clientId: string; redirect: URL; requested: ParsedScopes; challenge?: string; state: string | null } | { ok: false; page?: string; redirect?: URL; error?: AadError; state?: string | null };

function check(q: URLSearchParams): Checked {
  const clientId = q.get('client_id') ?? '';
  if (!clientId || !isAcceptedClientId(clientId)) return { ok: false, page: `The app ${clientId || '(none)'} is not registered in Contoso (AADSTS700016).` };
  const raw = q.get('redirect_uri') ?? '';
  let redirect: URL;
  try {
    redirect = new URL(raw);
  } catch {
    return { ok: false, page: `The redirect URI '${raw}' is not valid (AADSTS50011).` };
  }
  // Entra accepts only redirect URIs registered on the app; the sandbox takes any, http only on loopback.
  if (redirect.protocol !== 'https:' && !(redirect.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(redirect.hostname))) {
    return { ok: false, page: `The redirect URI '${raw}' must use https, or http on a loopback address (AADSTS50011).` };
  }
  const state = q.get('state');
  const fail = (error: AadError): Checked => ({ ok: false, redirect, error, state });
  if (q.get('response_type') !== 'code') return fail(E.unsupportedGrantType(q.get('response_type') ?? ''));
  const rawScope = q.get('scope');
  if (!rawScope?.trim()) return fail(E.missingParameter('scope'));
  const requested = parseScopes(rawScope);
  if (requested.invalid.length) return fail(E.invalidScope(requested.invalid[0]));
  if (requested.mixed) return fail(E.multipleResources());
  const resource = q.get('resource');
  // Entra's v2 endpoint takes `resource` only where it is exactly the requested API's application ID URI.
  if (resource !== null && resource !== (requested.api ? appOf(requested.api.appId)?.api?.identifierUri : undefined)) return fail(E.resourceMismatch());
  const challenge = q.get('code_challenge') ?? undefined;
  const method = q.get('code_challenge_method') ?? 'plain';
  if (challenge && method !== 'S256') return fail(E.unsupportedChallengeMethod());
  return { ok: true, clientId, redirect, requested, ...(challenge ? { challenge } : {}), state };
}

function back(res: ServerResponse, to: URL, params: Record<string, string | null | undefined>): void {
  const url = new URL(to);
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) url.searchParams.set(k, v);
  res.writeHead(302, { Location: url.toString(), 'Cache-Control': 'no-store' }).end();
}

const failBack = (res: ServerResponse, c: Extract<Checked, { ok: false }>) =>
  c.redirect ? back(res, c.redirect, { error: c.error!.error, error_description: `AADSTS${c.error!.code}: ${c.error!.text}`, state: c.state }) : sendHtml(res, 400, layout('Sign-in error', `<h1>Sorry, but we're having trouble signing you in.</h1><p>${escapeHtml(c.page ?? '')}</p>`));

function page(ctx: IdentityContext, query: string, c: Extract<Checked, { ok: true }>): string {
  const users = ctx.directory.users.filter((u) => u.accountEnabled).map((u) => `<option value="${escapeHtml(u.userPrincipalName)}">${escapeHtml(u.displayName)} (${escapeHtml(u.userPrincipalName)})</option>`).join('\n');
  const asked = c.requested.api ? c.requested.api.scopes.map((s) => `${appDisplayName(c.requested.api!.appId)}: ${s}`) : c.requested.graph.map((s) => `Microsoft Graph: ${s}`);
  return layout('Sign in', `<h1>Sign in to ${escapeHtml(appDisplayName(c.clientId))}</h1>
<p>It asks to sign you in and to:</p>
<ul>${asked.map((a) => `<li><code>${escapeHtml(a)}</code></li>`).join('')}</ul>
<form method="post">
<input type="hidden" name="query" value="${escapeHtml(query)}">
<label for="user">Sign in as</label>
<select id="user" name="user">
${users}
</select>
<button type="submit" name="action" value="approve" class="primary" id="approve">Accept</button>
<button type="submit" name="action" value="decline">Cancel</button>
</form>`);
}

function approve(ctx: IdentityContext, res: ServerResponse, c: Extract<Checked, { ok: true }>, upn: string): void {
  const user = ctx.directory.findUser(upn);
  if (!user?.accountEnabled) return back(res, c.redirect, { error: 'access_denied', error_description: `AADSTS50057: The user account ${upn} cannot sign in.`, state: c.state });
  const code = ctx.authCodes.issue({ clientId: c.clientId, redirectUri: c.redirect.toString(), ...(c.challenge ? { challenge: c.challenge } : {}), user: { upn: user.userPrincipalName, oid: user.id }, requested: c.requested });
  ctx.log(`identity: authorization code issued to ${user.userPrincipalName} for client ${c.clientId}`);
  back(res, c.redirect, { code, state: c.state, session_state: user.id });
}

export async function handleAuthorize(ctx: IdentityContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const query = new URL(req.url ?? '/', 'http://sandbox').search.slice(1);
    const c = check(new URLSearchParams(query));
    if (!c.ok) return failBack(res, c);
    if (ctx.autoApproveUser) return approve(ctx, res, c, ctx.autoApproveUser.userPrincipalName);
    // Accepting leads to the app's redirect URI and on from there.
    return sendHtml(res, 200, page(ctx, query, c), true);
  }
  if (req.method !== 'POST') return sendMethodNotAllowed(res, 'GET, HEAD, POST');
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) return sendHtml(res, 413, layout('Sign-in error', '<h1>The form was too large.</h1>'));
    throw err;
  }
  const c = check(new URLSearchParams(form.get('query') ?? ''));
  if (!c.ok) return failBack(res, c);
  if (form.get('action') !== 'approve') return back(res, c.redirect, { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.', state: c.state });
  approve(ctx, res, c, form.get('user') ?? '');
}
