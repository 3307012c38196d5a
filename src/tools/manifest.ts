// The build-time tool manifest (dist/tool-manifest.json, written by scripts/manifest.mjs): every tool as
// tools/list shows it, plus what selection and sign-in need (group, kind, orgOnly, scopes). Reading it
// costs a file read and a JSON.parse, where the definitions cost zod, the SDK and every tool module.
// Imports nothing heavy: the stdio fast path (transports/fast-start.ts) reads it before anything else.
import { readFileSync } from 'node:fs';
import type { AnyTool } from './define-tool.js';

/** One tool as the SDK lists it (name, title, description, inputSchema, annotations, outputSchema). */
export type ListedTool = { name: string } & Record<string, unknown>;

export type ManifestTool = Pick<AnyTool, 'name' | 'group' | 'kind' | 'orgOnly' | 'scopes' | 'orgScopes' | 'siteWriteScopes' | 'needsSiteWrites'> & { listed: ListedTool };

export interface Manifest {
  /** The package version it was built for: a manifest of another build is ignored. */
  version: string;
  /** The 2025-era protocol versions the SDK negotiates as asked; any other gets `fallbackVersion`. */
  protocolVersions: string[];
  fallbackVersion: string;
  /** The 2026-era revisions (stateless, per-request _meta) the SDK serves over HTTP, as server/discover lists them. */
  modernProtocolVersions: string[];
  /** The capabilities the SDK server answers initialize with. */
  capabilities: Record<string, unknown>;
  tools: ManifestTool[];
}

export const MANIFEST_FILE = 'tool-manifest.json';
export const SERVER_NAME = 'ms-365-mcp-server';
/** What the server declares. Its tools follow from the configuration alone and never change while it runs, so
 *  it promises no tools/list_changed notifications (the SDK would otherwise declare listChanged: true, and a
 *  2026-07-28 client listening for them would wait for notifications that never come). */
export const SERVER_CAPABILITIES = { tools: { listChanged: false } } as const;

/** The manifest beside the compiled code (dist/), or undefined when there is none (running from src/ in
 *  tests, or a build that skipped the step) or it belongs to another version. */
export function readManifest(version: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(new URL(`../${MANIFEST_FILE}`, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
  const m = JSON.parse(text) as Manifest;
  return m.version === version ? m : undefined;
}
