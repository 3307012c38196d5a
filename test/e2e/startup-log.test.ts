// At start the server logs who is signed in and how long the sign-in holds (issue 9 item 17), so that
// `docker compose logs` shows it at once; the address is masked, as everywhere in logs.
import { describe, expect, it } from 'vitest';
import { ADELE, sandboxEnv, tempDir, useSandbox } from '../fixtures.js';
import { startCli } from './process.js';

const sb = useSandbox();

describe('start-up log', () => {
  it('names the signed-in account (masked), the access token expiry and how long the sign-in holds', async () => {
    const c = await sb.as(ADELE);
    await c.close();
    const proc = startCli(['--org-mode'], sandboxEnv(sb.url, c.dataDir, { LOG_LEVEL: 'info' }));
    try {
      const [line] = await proc.waitFor(/auth: signed in as .*/);
      expect(line).toMatch(/^auth: signed in as a\*\*\*@contoso\.sandbox; access token good until \d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z, renewed by itself; the sign-in holds until \d{4}-\d{2}-\d{2} without use, and the keep-alive refresh \(every 720 min\) extends it$/);
      expect(proc.stderrText()).not.toContain(ADELE);
    } finally {
      await proc.stop();
    }
  });

  it('says when no one is signed in yet', async () => {
    const proc = startCli(['--org-mode'], sandboxEnv(sb.url, await tempDir(), { LOG_LEVEL: 'info', MS365_MCP_AUTO_LOGIN: 'false' }));
    try {
      await proc.waitFor(/auth: no account signed in yet/);
    } finally {
      await proc.stop();
    }
  });
});
