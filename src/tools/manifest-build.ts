// Builds the tool manifest from the definitions by asking the SDK itself: the tools are registered on a
// throwaway server exactly as they were served before the manifest existed, and its raw tools/list and
// initialize (and, over its HTTP entry, server/discover) answers are recorded. So the manifest lists what the
// SDK would, byte for byte.
import { createMcpHandler, InMemoryTransport, McpServer, SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from '@modelcontextprotocol/server';
import type { AnyTool } from './define-tool.js';
import { type ListedTool, type Manifest, SERVER_CAPABILITIES, SERVER_NAME } from './manifest.js';
import { toolListing } from './register.js';

/** Sends raw JSON-RPC requests to a server and returns the raw results, in order. */
async function ask(server: McpServer, requests: { method: string; params?: Record<string, unknown> }[]): Promise<Record<string, unknown>[]> {
  const [client, side] = InMemoryTransport.createLinkedPair();
  const answers = new Map<number, Record<string, unknown>>();
  client.onmessage = (m) => {
    const r = m as { id?: number; result?: Record<string, unknown>; error?: unknown };
    if (r.id !== undefined) answers.set(r.id, r.result ?? { error: r.error });
  };
  await server.connect(side);
  await client.start();
  for (const [i, r] of requests.entries()) await client.send({ jsonrpc: '2.0', id: i, ...r } as JSONRPCMessage);
  while (answers.size < requests.length) await new Promise((res) => setImmediate(res));
  await server.close();
  return requests.map((_, i) => answers.get(i)!);
}

/** The 2026-era revisions the SDK's HTTP entry serves, from its own server/discover answer. A request must
 *  claim a modern revision to reach that path: 2026-07-28, the first, which every later SDK keeps serving. */
async function modernVersions(make: () => McpServer, version: string): Promise<string[]> {
  const handler = createMcpHandler(make);
  const _meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'manifest', version }, 'io.modelcontextprotocol/clientCapabilities': {} };
  const res = await handler.fetch(new Request('http://manifest.invalid/mcp', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'server/discover' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta } }),
  }));
  const answer = (await res.json()) as { result?: { supportedVersions?: string[] } };
  await handler.close();
  if (!answer.result?.supportedVersions) throw new Error(`the SDK did not answer server/discover: ${JSON.stringify(answer)}`);
  return answer.result.supportedVersions;
}

export async function buildManifest(tools: readonly AnyTool[], version: string): Promise<Manifest> {
  const make = () => {
    const server = new McpServer({ name: SERVER_NAME, version }, { capabilities: SERVER_CAPABILITIES });
    for (const tool of tools) {
      server.registerTool(tool.name, toolListing(tool), () => {
        throw new Error('not called: this server only lists');
      });
    }
    return server;
  };
  const server = make();
  const init = (protocolVersion: string) => ({ method: 'initialize', params: { protocolVersion, capabilities: {}, clientInfo: { name: 'manifest', version } } });
  const probes = [...SUPPORTED_PROTOCOL_VERSIONS, '0000-00-00'];
  const answers = await ask(server, [{ method: 'tools/list' }, ...probes.map(init)]);
  const listed = new Map((answers[0].tools as ListedTool[]).map((t) => [t.name, t]));
  const negotiated = answers.slice(1).map((a) => a.protocolVersion as string);
  return {
    version,
    protocolVersions: probes.filter((p, i) => negotiated[i] === p),
    fallbackVersion: negotiated[negotiated.length - 1],
    modernProtocolVersions: await modernVersions(make, version),
    capabilities: answers[1].capabilities as Record<string, unknown>,
    tools: tools.map((t) => ({
      name: t.name, group: t.group, kind: t.kind, ...(t.orgOnly ? { orgOnly: true } : {}),
      scopes: [...t.scopes], ...(t.orgScopes ? { orgScopes: [...t.orgScopes] } : {}),
      ...(t.siteWriteScopes ? { siteWriteScopes: [...t.siteWriteScopes] } : {}), ...(t.needsSiteWrites ? { needsSiteWrites: true } : {}),
      listed: listed.get(t.name)!,
    })),
  };
}
