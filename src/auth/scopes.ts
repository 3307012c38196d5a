// Which delegated permissions a configuration needs, derived from the tools it offers.
import type { AnyTool } from '../tools/define-tool.js';

/** Requested with every sign-in besides the tools' own: the profile, and a refresh token. */
export const BASE_SCOPES = ['User.Read'] as const;

/** A write permission includes the read one (Graph accepts either); used to name what a 403 lacks. */
const IMPLIED_BY: Record<string, string[]> = {
  'User.Read': ['User.ReadWrite', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
  'User.Read.All': ['User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'Mail.Read': ['Mail.ReadWrite'],
  'Mail.Read.Shared': ['Mail.ReadWrite.Shared'],
  'Calendars.Read': ['Calendars.ReadWrite'],
  'Calendars.Read.Shared': ['Calendars.ReadWrite.Shared'],
  'Files.Read': ['Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All'],
  'Tasks.Read': ['Tasks.ReadWrite'],
  'Contacts.Read': ['Contacts.ReadWrite'],
  'Notes.Read': ['Notes.ReadWrite', 'Notes.Read.All'],
};

export function isSatisfiedBy(needed: string, granted: readonly string[]): boolean {
  const have = new Set(granted.map((s) => s.toLowerCase()));
  return have.has(needed.toLowerCase()) || (IMPLIED_BY[needed] ?? []).some((s) => have.has(s.toLowerCase()));
}

/** The exact delegated scopes to request for these tools: their own, plus org-mode extras, plus the
 *  site-write ones when organization mode writes to SharePoint too; sorted. */
export function requiredScopes(tools: readonly Pick<AnyTool, 'scopes' | 'orgScopes' | 'siteWriteScopes'>[], orgMode: boolean, siteWrites = false): string[] {
  const set = new Set<string>(BASE_SCOPES);
  for (const t of tools) {
    for (const s of t.scopes) set.add(s);
    if (orgMode) for (const s of t.orgScopes ?? []) set.add(s);
    if (orgMode && siteWrites) for (const s of t.siteWriteScopes ?? []) set.add(s);
  }
  return [...set].sort((a, b) => a.localeCompare(b));
}
