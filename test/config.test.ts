// Configuration: every setting has one schema; a bad value stops the start with one line naming it.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError } from '../src/config.js';
import { parseCommandLine } from '../src/cli.js';
import { runCli } from './e2e/process.js';

const env = { HOME: '/tmp/ms365-config-test' };

describe('configuration', () => {
  it('reads every toggle and defaults them on', () => {
    const c = buildConfig('serve', {}, { ...env, MS365_MCP_ENABLE_MAIL: 'false', MS365_MCP_ENABLE_TEAMS: '0' });
    expect(c.toggles.MAIL).toBe(false);
    expect(c.toggles.TEAMS).toBe(false);
    expect(c.toggles.CALENDAR && c.toggles.FILES && c.toggles.EXCEL_POWERPOINT && c.toggles.ONENOTE && c.toggles.TASKS).toBe(true);
    expect(c.toggles.CONTACTS && c.toggles.SHAREPOINT && c.toggles.USERS && c.toggles.SEARCH).toBe(true);
  });

  it('lets flags win over the environment', () => {
    const c = parseCommandLine(['--org-mode', '--read-only', '--http', '0.0.0.0:8080'], { ...env, MS365_MCP_ORG_MODE: 'false', MS365_MCP_HTTP_ALLOW_UNAUTHENTICATED: 'true' });
    expect(c.orgMode).toBe(true);
    expect(c.readOnly).toBe(true);
    expect(c.http).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(parseCommandLine(['--http', '3000'], env).http).toEqual({ host: '127.0.0.1', port: 3000 });
  });

  it('puts token files in the per-user config directory unless told otherwise', () => {
    const c = buildConfig('serve', {}, { ...env, XDG_CONFIG_HOME: '/x/cfg' });
    expect(c.tokenCachePath).toBe('/x/cfg/ms-365-mcp-server/.token-cache.json');
    expect(c.selectedAccountPath).toBe('/x/cfg/ms-365-mcp-server/.selected-account.json');
    const d = buildConfig('serve', {}, { ...env, MS365_MCP_TOKEN_CACHE_PATH: '/app/data/.token-cache.json', MS365_MCP_SELECTED_ACCOUNT_PATH: '/app/data/.selected-account.json' });
    expect(d.tokenCachePath).toBe('/app/data/.token-cache.json');
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ MS365_MCP_ORG_MODE: 'maybe' }, /MS365_MCP_ORG_MODE must be one of: true, false \(got 'maybe'\)/],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL must be one of: debug, info, warn, error/],
    [{ MS365_MCP_CLIENT_ID: 'not-a-guid' }, /MS365_MCP_CLIENT_ID must be a GUID/],
    [{ MS365_MCP_TENANT_ID: 'bad tenant!' }, /MS365_MCP_TENANT_ID must be a GUID/],
    [{ MS365_MCP_CLOUD: 'mars' }, /MS365_MCP_CLOUD must be one of: global, china, usgov, usgovdod, sandbox/],
    [{ MS365_MCP_ENABLE_FILES: 'nope' }, /MS365_MCP_ENABLE_FILES must be one of: true, false/],
    [{ MS365_MCP_ENABLED_TOOLS: '(' }, /MS365_MCP_ENABLED_TOOLS must be a valid regular expression/],
    [{ MS365_MCP_CLOUD: 'sandbox' }, /MS365_MCP_SANDBOX_URL/],
    [{ MS365_MCP_SANDBOX_TOKEN_LIFETIME: '-5' }, /MS365_MCP_SANDBOX_TOKEN_LIFETIME must be a whole number of seconds/],
  ];
  for (const [vars, re] of bad) {
    it(`rejects ${Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(' ')}`, () => {
      expect(() => buildConfig('serve', {}, { ...env, ...vars })).toThrow(ConfigError);
      expect(() => buildConfig('serve', {}, { ...env, ...vars })).toThrow(re);
    });
  }

  it('stops the real process with one clear line and exit code 2', async () => {
    const r = await runCli([], { ...env, MS365_MCP_ORG_MODE: 'maybe' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Invalid configuration: MS365_MCP_ORG_MODE must be one of: true, false/);
    const flag = await runCli(['--http', 'nonsense'], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--http must be \[host:\]port/);
    const unknown = await runCli(['--frobnicate'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('Unknown option --frobnicate. See --help for the options.');
    // A near miss names the real flag, and that flag works (as the advice says).
    const typo = await runCli(['--list-permisions'], env);
    expect(typo.stderr.trim()).toBe('Unknown option --list-permisions. Did you mean --list-permissions? See --help for the options.');
    expect((await runCli(['--list-permissions'], env)).code).toBe(0);
    const noValue = await runCli(['--port'], env);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr.trim()).toBe('The option --port needs a value, e.g. --port 3000. See --help.');
    // --help names every setting of the sandbox the README's first command uses.
    expect((await runCli(['--help'], env)).stdout).toContain('MS365_MCP_SANDBOX_USER');
  });

  it('prints version, help and the permission list without signing in', async () => {
    const v = await runCli(['--version'], env);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = await runCli(['--help'], env);
    expect(h.stdout).toContain('--list-permissions');
    const personal = (await runCli(['--list-permissions'], env)).stdout.trim().split('\n');
    expect(personal).toContain('User.Read');
    expect(personal).not.toContain('User.Read.All');
    const org = (await runCli(['--list-permissions', '--org-mode'], env)).stdout.trim().split('\n');
    expect(org).toContain('User.Read.All');
    expect(org).toContain('Files.ReadWrite');
    // Writing to SharePoint and colleagues' files asks for more than the guide lists, only when chosen.
    expect(org).not.toContain('Files.ReadWrite.All');
    const siteWrites = (await runCli(['--list-permissions', '--org-mode', '--site-writes'], env)).stdout.trim().split('\n');
    expect(siteWrites).toEqual([...org, 'Files.ReadWrite.All', 'Sites.ReadWrite.All'].sort((a, b) => a.localeCompare(b)));
    expect((await runCli(['--list-permissions', '--site-writes'], env)).stdout.trim().split('\n')).toEqual(personal); // organization mode only
    // Many users over HTTP: the same Graph permissions, then what else the admin grants, as comment lines.
    const entraEnv = { ...env, MS365_MCP_HTTP_AUTH: 'entra', MS365_MCP_CLIENT_ID: '11111111-2222-3333-4444-555555555555', MS365_MCP_TENANT_ID: 'contoso.com', MS365_MCP_PUBLIC_URL: 'https://mcp.contoso.com' };
    const entra = (await runCli(['--list-permissions', '--org-mode'], entraEnv)).stdout.trim().split('\n');
    expect(entra.filter((l) => !l.startsWith('#'))).toEqual(org);
    expect(entra.filter((l) => l.startsWith('#')).join('\n')).toMatch(/api:\/\/11111111-2222-3333-4444-555555555555\/access_as_user[^]*https:\/\/mcp\.contoso\.com\/callback[^]*https:\/\/login\.microsoftonline\.com\/contoso\.com\/adminconsent\?client_id=11111111/);
    expect(h.stdout).toContain('--site-writes');
  });
});

describe('many users over HTTP (MS365_MCP_HTTP_AUTH=entra)', () => {
  const GUID = '11111111-2222-4333-8444-555555555555';
  const base = { ...env, MS365_MCP_HTTP: '0.0.0.0:3000', MS365_MCP_HTTP_AUTH: 'entra' };
  it('says what each missing setting is, and a complete configuration passes (with the secret read from its file)', async () => {
    const steps: [Record<string, string>, RegExp][] = [
      [{}, /needs MS365_MCP_CLIENT_ID/],
      [{ MS365_MCP_CLIENT_ID: GUID }, /needs MS365_MCP_TENANT_ID/],
      [{ MS365_MCP_CLIENT_ID: GUID, MS365_MCP_TENANT_ID: 'contoso.com' }, /needs MS365_MCP_CLIENT_SECRET\(_FILE\) or MS365_MCP_CLIENT_CERTIFICATE_FILE/],
      [{ MS365_MCP_CLIENT_ID: GUID, MS365_MCP_TENANT_ID: 'contoso.com', MS365_MCP_CLIENT_SECRET: 's3cret' }, /needs MS365_MCP_PUBLIC_URL/],
      [{ MS365_MCP_CLIENT_ID: GUID, MS365_MCP_TENANT_ID: 'contoso.com', MS365_MCP_CLIENT_SECRET: 's3cret', MS365_MCP_HTTP_TOKEN: 'x'.repeat(40), MS365_MCP_PUBLIC_URL: 'https://mcp.contoso.com' }, /does not use MS365_MCP_HTTP_TOKEN/],
    ];
    for (const [vars, re] of steps) expect(() => buildConfig('serve', {}, { ...base, ...vars })).toThrow(re);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-secret-'));
    await fs.writeFile(path.join(dir, 'secret'), 's3cret\n');
    const c = buildConfig('serve', {}, { ...base, MS365_MCP_CLIENT_ID: GUID, MS365_MCP_TENANT_ID: 'contoso.com', MS365_MCP_CLIENT_SECRET_FILE: path.join(dir, 'secret'), MS365_MCP_PUBLIC_URL: 'https://mcp.contoso.com/' });
    // A certificate instead: the file must hold the certificate and its key; one credential only.
    const app = { ...base, MS365_MCP_CLIENT_ID: GUID, MS365_MCP_TENANT_ID: 'contoso.com', MS365_MCP_PUBLIC_URL: 'https://mcp.contoso.com' };
    await fs.writeFile(path.join(dir, 'cert-only.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(() => buildConfig('serve', {}, { ...app, MS365_MCP_CLIENT_CERTIFICATE_FILE: path.join(dir, 'cert-only.pem') })).toThrow(/hold the certificate and its private key/);
    expect(() => buildConfig('serve', {}, { ...app, MS365_MCP_CLIENT_CERTIFICATE_FILE: path.join(dir, 'cert-only.pem'), MS365_MCP_CLIENT_SECRET: 's3cret' })).toThrow(/takes one of MS365_MCP_CLIENT_SECRET, MS365_MCP_CLIENT_SECRET_FILE and MS365_MCP_CLIENT_CERTIFICATE_FILE/);
    await fs.writeFile(path.join(dir, 'credential.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    expect(buildConfig('serve', {}, { ...app, MS365_MCP_CLIENT_CERTIFICATE_FILE: path.join(dir, 'credential.pem') }).clientCertificate).toMatch(/BEGIN PRIVATE KEY/);
    expect(c).toMatchObject({ httpAuth: 'entra', clientSecret: 's3cret', publicUrl: 'https://mcp.contoso.com' });
  });
});

describe('.env.example', () => {
  it('documents every variable the server reads', async () => {
    const { ENV_VARS } = await import('../src/config.js');
    const example = await (await import('node:fs/promises')).readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const missing = ENV_VARS.filter((v) => !new RegExp(`^(# )?${v}=`, 'm').test(example));
    expect(ENV_VARS.length).toBeGreaterThan(25);
    expect(missing).toEqual([]);
  });
});
