// The HTML of the sign-in pages (/devicelogin here, /authorize through layout()): enter the code, pick a demo user
// and approve, and the closing notice. Plain forms, no scripts and no external assets (the CSP in http.ts forbids
// both); every value is escaped.

import type { DirectoryUser } from '../directory/directory.js';

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const OIDC_DESCRIPTIONS: Record<string, string> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
};

const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}
main{max-width:440px;margin:60px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:1.5rem;font-weight:600;margin:0 0 16px}
.tag{color:#666;font-size:.85rem;margin-bottom:24px}
label{display:block;margin:16px 0 6px}
input[type=text],select{width:100%;box-sizing:border-box;padding:8px;font-size:1rem;border:1px solid #888}
button{padding:8px 24px;font-size:1rem;margin:24px 8px 0 0;border:1px solid #0067b8;background:#fff;color:#0067b8;cursor:pointer}
button.primary{background:#0067b8;color:#fff}
.error{color:#c50f1f;margin:12px 0}
ul{padding-left:20px}
code{font-size:.9rem}`;

export function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="tag">Contoso sandbox tenant &middot; not a real Microsoft sign-in</div>
${body}
</main>
</body>
</html>
`;
}

const errorLine = (error?: string): string => (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '');

export function enterCodePage(prefill = '', error?: string): string {
  return layout(
    'Enter code',
    `<h1>Enter code</h1>
<p>Enter the code displayed on your app or device.</p>
${errorLine(error)}
<form method="post" action="/devicelogin">
<label for="otc">Code</label>
<input type="text" id="otc" name="otc" value="${escapeHtml(prefill)}" autocomplete="off" autofocus required maxlength="20">
<button type="submit" class="primary">Next</button>
</form>`,
  );
}

export interface ConsentView {
  userCode: string;
  appName: string;
  clientId: string;
  graphScopes: string[];
  oidcScopes: string[];
  users: DirectoryUser[];
  selectedUpn: string;
  error?: string;
}

export function consentPage(v: ConsentView): string {
  const options = v.users
    .map((u) => {
      const selected = u.userPrincipalName.toLowerCase() === v.selectedUpn.toLowerCase() ? ' selected' : '';
      return `<option value="${escapeHtml(u.userPrincipalName)}"${selected}>${escapeHtml(u.displayName)} (${escapeHtml(u.userPrincipalName)})</option>`;
    })
    .join('\n');
  const permissions = [
    ...v.graphScopes.map((s) => `<li><code>${escapeHtml(s)}</code> (Microsoft Graph)</li>`),
    ...v.oidcScopes.map((s) => `<li>${escapeHtml(OIDC_DESCRIPTIONS[s] ?? s)}</li>`),
  ].join('\n');
  return layout(
    'Sign in and approve',
    `<h1>Sign in to ${escapeHtml(v.appName)}</h1>
<p>The app <strong>${escapeHtml(v.appName)}</strong> (<code>${escapeHtml(v.clientId)}</code>) is asking to sign in as a user of Contoso and to:</p>
<ul>
${permissions}
</ul>
${errorLine(v.error)}
<form method="post" action="/devicelogin">
<input type="hidden" name="otc" value="${escapeHtml(v.userCode)}">
<label for="user">Sign in as</label>
<select id="user" name="user">
${options}
</select>
<button type="submit" name="action" value="approve" class="primary">Approve</button>
<button type="submit" name="action" value="decline">Decline</button>
</form>`,
  );
}

export function finishedPage(appName: string, approved: boolean, upn?: string): string {
  const title = approved ? 'You have signed in' : 'Sign-in declined';
  const text = approved
    ? `You have signed in to the ${escapeHtml(appName)} application on your device as ${escapeHtml(upn ?? '')}. You may now close this window.`
    : `You have declined to sign in to the ${escapeHtml(appName)} application on your device. You may now close this window.`;
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${text}</p>`);
}
