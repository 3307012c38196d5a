// The driveItem store shared by every person's OneDrive and every SharePoint site's document libraries: drives,
// their items (folders and files with real bytes), versions, the recycle bin (deleted items stay, marked), and
// sharing permissions. Names follow OneDrive's rules; ids are deterministic for a given sequence of changes.

import { createHash, randomBytes } from 'node:crypto';
import type { Directory } from '../../directory/directory.js';
import { invalidRequest, nameAlreadyExists } from './errors.js';
import { mimeOf } from './names.js';

export type Role = 'read' | 'write' | 'owner';

export interface Permission {
  id: string;
  roles: Role[];
  /** Sharing link; without one, a direct grant to `grantees`. */
  link?: { type: 'view' | 'edit'; scope: 'organization' | 'users' | 'anonymous'; webUrl: string };
  /** User ids the permission is for (direct grants, and `users` links). */
  grantees: string[];
  /** Who shared it (user id). */
  grantedBy: string;
  expires?: string;
}

export interface Version {
  id: string;
  content: Buffer;
  /** The words of that content (for a restore). */
  text: string;
  at: string;
  by: string;
}

export interface DriveItem {
  id: string;
  driveId: string;
  name: string;
  /** null for a drive's root. */
  parentId: string | null;
  folder: boolean;
  content: Buffer;
  mimeType: string;
  /** Words a search finds besides the name (the text of a document). */
  text: string;
  created: { at: string; by: string };
  modified: { at: string; by: string };
  /** Bumped on every change (eTag); content changes also bump `contentVersion` (cTag). */
  version: number;
  contentVersion: number;
  /** Earlier contents, oldest first; the current one is version `versions.length + 1`. */
  versions: Version[];
  deleted?: { at: string; by: string };
  permissions: Permission[];
  image?: { width: number; height: number };
}

export interface Drive {
  id: string;
  driveType: 'business' | 'documentLibrary';
  name: string;
  description: string;
  owner: { userId: string } | { siteId: string };
  rootId: string;
  webUrl: string;
  created: string;
}

/** An upload session: bytes arrive in ranges at its pre-authenticated URL, in order. */
export interface UploadSession {
  id: string;
  token: string;
  driveId: string;
  parentId: string;
  name: string;
  behavior: ConflictBehavior;
  size?: number;
  /** The file's bytes: one buffer of its size, allocated at the first range and filled in place. */
  content?: Buffer;
  received: number;
  /** A range is on its way (another must wait for it). */
  receiving: boolean;
  /** Every byte is in; the file waits to be committed (deferCommit, or a conflict at the last range). */
  complete: boolean;
  deferCommit: boolean;
  expires: number;
  by: string;
}

/** An asynchronous copy, followed at its monitor URL. */
export interface CopyJob {
  id: string;
  started: number;
  /** The copy exists from this instant on (Graph's copies take a moment). */
  readyAt: number;
  resourceId?: string;
  error?: string;
}

export interface DrivesState {
  directory: Directory;
  uploads: Map<string, UploadSession>;
  copies: Map<string, CopyJob>;
  drives: Map<string, Drive>;
  items: Map<string, DriveItem>;
  /** The recently used items of each person, newest first. */
  recent: Map<string, string[]>;
  /** Tenant setting: links that work for anyone. Contoso disallows them, as many tenants do. */
  anonymousLinks: boolean;
  sequence: number;
  now: () => number;
}

export function createState(directory: Directory): DrivesState {
  return { directory, uploads: new Map(), copies: new Map(), drives: new Map(), items: new Map(), recent: new Map(), anonymousLinks: false, sequence: 0, now: () => Date.now() };
}

/** An id in OneDrive for Business's style (01 + 32 base32 characters), from the state's sequence. */
export function newItemId(state: DrivesState): string {
  const digest = createHash('sha256').update(`item:${state.sequence++}`).digest();
  return `01${base32(digest).slice(0, 32)}`;
}

export function newDriveId(key: string): string {
  return `b!${createHash('sha256').update(`drive:${key}`).digest('base64url').slice(0, 62)}`;
}

export const newToken = () => randomBytes(24).toString('base64url');

function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const isoNow = (state: DrivesState) => new Date(state.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function addDrive(state: DrivesState, d: Omit<Drive, 'rootId'>, by: string): Drive {
  const root: DriveItem = blankItem(state, d.id, 'root', null, true, by, d.created);
  const drive: Drive = { ...d, rootId: root.id };
  state.drives.set(drive.id, drive);
  state.items.set(root.id, root);
  return drive;
}

function blankItem(state: DrivesState, driveId: string, name: string, parentId: string | null, folder: boolean, by: string, at: string): DriveItem {
  return {
    id: newItemId(state), driveId, name, parentId, folder, content: Buffer.alloc(0), mimeType: '', text: '',
    created: { at, by }, modified: { at, by }, version: 1, contentVersion: 1, versions: [], permissions: [],
  };
}

export const liveChildren = (state: DrivesState, folderId: string) => [...state.items.values()].filter((i) => i.parentId === folderId && !i.deleted);

export function childNamed(state: DrivesState, folderId: string, name: string): DriveItem | undefined {
  const lower = name.toLowerCase();
  return liveChildren(state, folderId).find((i) => i.name.toLowerCase() === lower);
}

export type ConflictBehavior = 'fail' | 'rename' | 'replace';

export function conflictBehavior(raw: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const v = String(raw).toLowerCase();
  if (v === 'fail' || v === 'rename' || v === 'replace') return v;
  throw invalidRequest(`Invalid value '${raw}' for @microsoft.graph.conflictBehavior: use fail, rename or replace.`);
}

/** The name an item gets in a folder under a conflict behavior: the same, a free "name 1.ext", or a 409. */
export function placeName(state: DrivesState, folderId: string, name: string, behavior: ConflictBehavior, self?: string): { name: string; replaces?: DriveItem } {
  const taken = childNamed(state, folderId, name);
  if (!taken || taken.id === self) return { name };
  if (behavior === 'replace') return { name, replaces: taken };
  if (behavior === 'fail') throw nameAlreadyExists(name);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) if (!childNamed(state, folderId, `${stem} ${n}${ext}`)) return { name: `${stem} ${n}${ext}` };
}

export function createFolder(state: DrivesState, parent: DriveItem, name: string, by: string): DriveItem {
  const f = blankItem(state, parent.driveId, name, parent.id, true, by, isoNow(state));
  state.items.set(f.id, f);
  touch(state, parent, by);
  return f;
}

/** A new file, or new content for an existing one (the old content becomes a version). */
export function writeFile(state: DrivesState, parent: DriveItem, name: string, content: Buffer, by: string, opts: { mimeType?: string; text?: string; existing?: DriveItem; at?: string } = {}): DriveItem {
  const at = opts.at ?? isoNow(state);
  const existing = opts.existing;
  if (existing) {
    existing.versions.push({ id: `${existing.versions.length + 1}.0`, content: existing.content, text: existing.text, at: existing.modified.at, by: existing.modified.by });
    existing.content = content;
    existing.text = opts.text ?? '';
    existing.modified = { at, by };
    existing.version++;
    existing.contentVersion++;
    if (opts.mimeType) existing.mimeType = opts.mimeType;
    used(state, by, existing.id);
    return existing;
  }
  const f = blankItem(state, parent.driveId, name, parent.id, false, by, at);
  f.content = content;
  f.mimeType = opts.mimeType ?? mimeOf(name);
  f.text = opts.text ?? '';
  state.items.set(f.id, f);
  touch(state, parent, by, at);
  used(state, by, f.id);
  return f;
}

export function touch(state: DrivesState, item: DriveItem, by: string, at = isoNow(state)): void {
  item.modified = { at, by };
  item.version++;
}

/** Remembers that a person used an item (for /drive/recent). */
export function used(state: DrivesState, userId: string, itemId: string): void {
  const list = (state.recent.get(userId) ?? []).filter((id) => id !== itemId);
  state.recent.set(userId, [itemId, ...list].slice(0, 50));
}

/** The item's path from its drive's root, e.g. /Sales/Q4.xlsx ('' for the root). */
export function pathOf(state: DrivesState, item: DriveItem): string {
  const names: string[] = [];
  for (let i: DriveItem | undefined = item; i && i.parentId; i = state.items.get(i.parentId)) names.unshift(i.name);
  return names.length ? `/${names.join('/')}` : '';
}

/** The item and its ancestors up to the root (for inherited permissions and deletion). */
export function ancestry(state: DrivesState, item: DriveItem): DriveItem[] {
  const out: DriveItem[] = [];
  for (let i: DriveItem | undefined = item; i; i = i.parentId ? state.items.get(i.parentId) : undefined) out.push(i);
  return out;
}

export function descendants(state: DrivesState, item: DriveItem): DriveItem[] {
  const out: DriveItem[] = [];
  const walk = (id: string) => {
    for (const c of [...state.items.values()].filter((i) => i.parentId === id)) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(item.id);
  return out;
}
