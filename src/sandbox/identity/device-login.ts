// /devicelogin: where a person completes a device-code sign-in. GET shows the code form; POST with a code shows
// the consent step (which demo user, which permissions); POST with action=approve|decline finishes it.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { appDisplayName } from './authority.js';
import type { IdentityContext } from './context.js';
import { consentPage, enterCodePage, finishedPage } from './device-login-page.js';
import type { Decision, DeviceCodeEntry } from './device-codes.js';
import { approveDeviceCode, declineDeviceCode } from './grants.js';
import { BodyTooLarge, readForm, sendHtml, sendMethodNotAllowed } from './http.js';

export const DEVICE_LOGIN_PATH = '/devicelogin';

const REASONS: Record<Exclude<Decision, { ok: true }>['reason'], string> = {
  unknown: "That code didn't work. Check the code and try again.",
  expired: 'That code has expired. Start the sign-in again on your device to get a new code.',
  used: 'That code has already been used. Start the sign-in again on your device to get a new code.',
};

export async function handleDeviceLogin(ctx: IdentityContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const prefill = new URL(req.url ?? '/', 'http://sandbox').searchParams.get('otc') ?? '';
    return sendHtml(res, 200, enterCodePage(prefill.slice(0, 20)));
  }
  if (req.method !== 'POST') return sendMethodNotAllowed(res, 'GET, HEAD, POST');
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) return sendHtml(res, 413, enterCodePage('', 'The form was too large.'));
    throw err;
  }
  const code = (form.get('otc') ?? '').trim();
  if (!code) return sendHtml(res, 400, enterCodePage('', 'Enter the code shown on your device.'));
  const decision = ctx.deviceCodes.forDecision(code);
  if (!decision.ok) return sendHtml(res, 400, enterCodePage(code.slice(0, 20), REASONS[decision.reason]));
  const entry = decision.entry;
  const action = form.get('action');
  if (action === 'decline') {
    declineDeviceCode(ctx, entry);
    return sendHtml(res, 200, finishedPage(appDisplayName(entry.clientId), false));
  }
  if (action === 'approve') {
    const upn = form.get('user') ?? '';
    const user = ctx.directory.findUser(upn);
    if (!user || !user.accountEnabled) {
      const error = user ? `${upn} cannot sign in: the account is disabled.` : `There is no user ${upn} in Contoso.`;
      return sendHtml(res, 400, consentPage(consentView(ctx, entry, ctx.directory.defaultUser.userPrincipalName, error)));
    }
    approveDeviceCode(ctx, entry, user);
    return sendHtml(res, 200, finishedPage(appDisplayName(entry.clientId), true, user.userPrincipalName));
  }
  return sendHtml(res, 200, consentPage(consentView(ctx, entry, ctx.directory.defaultUser.userPrincipalName)));
}

function consentView(ctx: IdentityContext, entry: DeviceCodeEntry, selectedUpn: string, error?: string) {
  return {
    userCode: entry.userCode,
    appName: appDisplayName(entry.clientId),
    clientId: entry.clientId,
    graphScopes: entry.requested.graph.length ? entry.requested.graph : entry.requested.wantsDefault ? ['.default'] : ['User.Read'],
    oidcScopes: [...entry.requested.oidc],
    users: ctx.directory.users.filter((u) => u.accountEnabled),
    selectedUpn,
    error,
  };
}
