// Sign-in state as tools, so an assistant can sign the user in without a terminal.
import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { Text } from '../shapes.js';

const Account = z.object({ username: z.string(), name: z.string().optional(), tenantId: z.string(), homeAccountId: z.string(), selected: z.boolean() });
const Pending = z.object({ verificationUri: z.string(), userCode: z.string(), message: z.string(), expiresAt: z.string() });

export const login = defineTool({
  name: 'auth_login',
  title: 'Sign in to Microsoft 365',
  description: 'Starts a device-code sign-in and returns at once the URL and code the user must enter; sign-in completes in the background. Check with auth_status.',
  group: 'auth',
  kind: 'write',
  openWorld: false,
  scopes: [],
  input: z.object({ force: z.boolean().default(false).describe('Start a new sign-in even when an account is already signed in') }),
  output: z.object({ status: z.enum(['signed_in', 'pending']), account: Account.optional(), pending: Pending.optional() }),
  handler: async ({ force }, { auth }) => {
    const r = await auth.startLogin(force);
    return r.alreadySignedIn ? { status: 'signed_in' as const, account: r.account } : { status: 'pending' as const, pending: r.pending };
  },
  text: (r) => (r.status === 'signed_in' ? `Already signed in as ${r.account?.username}.` : `${r.pending?.message}\nThe sign-in completes in the background; check with auth_status.`),
});

export const status = defineTool({
  name: 'auth_status',
  title: 'Sign-in status',
  description: 'Whether an account is signed in, which one, the permissions requested, and any sign-in under way.',
  group: 'auth',
  kind: 'read',
  openWorld: false,
  scopes: [],
  input: z.object({}),
  output: z.object({
    signedIn: z.boolean(),
    account: Account.optional(),
    pendingLogin: Pending.optional(),
    cloud: z.string(),
    scopes: z.array(z.string()),
    lastRefresh: z.string().optional(),
    lastError: z.string().optional(),
  }),
  handler: async (_args, { auth }) => auth.status(),
  text: (s) =>
    s.signedIn
      ? `Signed in as ${s.account?.username} (${s.cloud}).${s.lastError ? ` Last error: ${s.lastError}` : ''}`
      : s.pendingLogin ? `Not signed in yet: ${s.pendingLogin.message}` : 'Not signed in. Call auth_login.',
});

export const logout = defineTool({
  name: 'auth_logout',
  title: 'Sign out',
  description: 'Removes the cached sign-in (of one account, or all); Microsoft 365 tools stop working until the next auth_login.',
  group: 'auth',
  kind: 'destructive',
  openWorld: false,
  scopes: [],
  input: z.object({ username: Text(320, { min: 1 }).optional().describe('Account to sign out (default: all)') }),
  output: z.object({ removed: z.array(z.string()) }),
  confirm: ({ username }) => `Sign out ${username ?? 'every account'}: Microsoft 365 tools stop working until the next auth_login, which needs the device code again.`,
  handler: async ({ username }, { auth }) => auth.logout(username),
  text: (r) => (r.removed.length ? `Signed out: ${r.removed.join(', ')}` : 'No matching account was signed in.'),
});

export const listAccounts = defineTool({
  name: 'auth_list_accounts',
  title: 'List signed-in accounts',
  description: 'Accounts in the token cache; the selected one is used for every call.',
  group: 'auth',
  kind: 'read',
  openWorld: false,
  scopes: [],
  input: z.object({}),
  output: z.object({ accounts: z.array(Account) }),
  handler: async (_args, { auth }) => ({ accounts: await auth.listAccounts() }),
  text: (r) => (r.accounts.length ? r.accounts.map((a) => `${a.selected ? '* ' : '  '}${a.username}${a.name ? ` (${a.name})` : ''}`).join('\n') : 'No accounts signed in.'),
});

export default [login, status, logout, listAccounts];
