// A person signs in: `--sandbox` (tenant in-process, no auto-approval), the device-code message on stderr,
// the code entered on the sandbox's device-login page, and the process reports success and exits.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures.js';
import { runCli, startCli } from './process.js';

const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

describe('device-code sign-in approved by a person (built CLI)', () => {
  it('--sandbox --login waits for the code to be approved on the page, then signs in as the chosen user', async () => {
    const home = await tempDir('ms365-person-');
    const env = { HOME: home, XDG_CONFIG_HOME: home };
    const login = startCli(['--sandbox', '--login'], env);
    const [, page, code] = await login.waitFor(/open the page (http:\/\/\S+\/devicelogin) and enter the code (\S+) to authenticate/);
    // Nothing happens until someone approves.
    await new Promise((r) => setTimeout(r, 1500));
    expect(login.exitCode).toBeNull();
    const consent = await (await fetch(page, form({ otc: code }))).text();
    expect(consent).toContain('pradeep.gupta@contoso.sandbox');
    const done = await fetch(page, form({ otc: code, user: 'pradeep.gupta@contoso.sandbox', action: 'approve' }));
    expect(await done.text()).toMatch(/You have signed in/);
    await login.waitFor(/Device code login successful as p\*\*\*@contoso\.sandbox/);
    expect(await login.stop()).toBe(0);

    // The in-process tenant kept its state (key and refresh tokens) in the data directory, so the next
    // start signs in silently with the cached account.
    const verify = await runCli(['--sandbox', '--verify-login'], env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Signed in as Pradeep Gupta <pradeep\.gupta@contoso\.sandbox>/);
  });
});
