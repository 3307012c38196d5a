// Whose data a tool works in: the signed-in user's, or, given the group's owner parameter (`mailbox`,
// `calendarOwner`, and next a drive owner, a site, a team, a group), someone else's, which needs organization
// mode. ownerTool() adds that parameter, resolves it to the root of every Graph path the tool builds, and words
// Graph's refusals for the model: whose data, what access is missing, where ids come from. Each group says
// once, in an OwnerParam, what differs (mail/mailbox.ts, calendar/owner.ts); the mechanics live here.
import { z } from 'zod';
import { GraphError } from '../graph/errors.js';
import { seg } from '../graph/odata.js';
import type { AuthService } from './auth-service.js';
import { isAddress } from './content/addresses.js';
import { type AnyTool, defineTool, type ToolContext, ToolError, type ToolKind } from './define-tool.js';
import type { Group } from './groups.js';
import { isUserId, Text } from './shapes.js';

/** The schema of every group's owner parameter: an address or a user id (anything else, a `..` included,
 *  would reach another route); omitted means the signed-in user's own data. */
export const ownerSchema = (description: string) =>
  Text(320)
    .refine((v) => isUserId(v) || isAddress(v), 'must be an address like someone@contoso.com or a user id (GUID)')
    .describe(description)
    .optional();

/** Whose data a call works in. */
export interface Owner {
  /** '/me' or '/users/{id or address}', the root of every path the tool builds. */
  root: string;
  /** For messages: the group's words for the user's own ('your mailbox'), or the owner as given. */
  label: string;
  /** Someone else's data (shared or delegated). */
  other: boolean;
}

/** What the error wording may look at: the tool's kind and the permissions it declared. */
export type ToolFacts = Pick<AnyTool, 'name' | 'kind' | 'scopes' | 'orgScopes' | 'siteWriteScopes'>;

/** A group's owner parameter: its name and schema, its words, and how Graph's refusals are explained. */
export interface OwnerParam<P extends string> {
  group: Group;
  /** The parameter, e.g. 'mailbox'. */
  name: P;
  /** Its schema: an optional string with a one-line description. */
  schema: z.ZodOptional<z.ZodString>;
  /** How the signed-in user's own data is named in messages, e.g. 'your mailbox'. */
  mine: string;
  /** The refusal when someone else's data is asked for outside organization mode. */
  needsOrgMode: (who: string) => string;
  /** A 403 or ErrorAccessDenied, worded: which access is missing and who grants it; undefined: say nothing more. */
  denied: (e: GraphError, owner: Owner, tool: ToolFacts) => string | undefined;
  /** The owner named does not exist (Graph's NO_SUCH_OWNER codes on someone else's data). */
  notFound: (e: GraphError, owner: Owner) => string;
  /** Graph's codes for a bad item id, and the sentence saying which tools give ids. */
  badId: { codes: RegExp; where: string };
  /** Work before every call of the group (e.g. loading libraries kept out of start-up). */
  prepare?: () => Promise<void>;
  /** Where the group's paths start, when not at the person (/me, /users/{id}): a drive's root is /me/drive,
   *  /users/{id}/drive, /sites/{id}/drive or /drives/{id}. Given the parameter as the caller wrote it. */
  resolve?: (who: string | undefined, ctx: ToolContext<ToolKind>, tool: ToolFacts) => Promise<Owner>;
}

type OwnerInput<S extends z.ZodRawShape, P extends string> = z.ZodObject<S & { [K in P]: z.ZodOptional<z.ZodString> }>;

/** A tool of a group with an owner parameter: ToolDef without `group` and with the resolved owner. Permissions are
 *  declared as everywhere: `scopes`, and `orgScopes` for other people's data (the first one is the main access,
 *  which a refusal names). */
export interface OwnerToolDef<S extends z.ZodRawShape, O extends z.ZodObject, K extends ToolKind, P extends string> {
  name: string;
  title: string;
  description: string;
  kind: K;
  scopes: readonly string[];
  orgScopes?: readonly string[];
  siteWriteScopes?: readonly string[];
  needsSiteWrites?: boolean;
  /** false: the tool has no owner parameter (it works across people, e.g. free/busy), but keeps the group's errors. */
  owner?: false;
  input: S;
  output: O;
  handler: (args: z.output<OwnerInput<S, P>>, ctx: ToolContext<K>, owner: Owner) => Promise<z.input<O>>;
  text?: (out: z.output<O>) => string;
  confirm?: (args: z.output<OwnerInput<S, P>>, ctx: ToolContext<'read'>, owner: Owner) => Promise<string | undefined> | string | undefined;
  idempotent?: boolean;
}

export function ownerTool<P extends string, S extends z.ZodRawShape, O extends z.ZodObject, K extends ToolKind>(
  param: OwnerParam<P>,
  def: OwnerToolDef<S, O, K, P>,
): AnyTool {
  const withOwner = def.owner !== false;
  const input = (withOwner ? z.object(def.input).extend({ [param.name]: param.schema }) : z.object(def.input)) as unknown as OwnerInput<S, P>;
  const facts: ToolFacts = { name: def.name, kind: def.kind, scopes: def.scopes, orgScopes: def.orgScopes, siteWriteScopes: def.siteWriteScopes };
  /** Runs `act` for the call's owner, with Graph's refusals worded by the group (the handler, and the
   *  confirmation's look-ups). */
  const withOwnerOf = async <R>(args: unknown, ctx: ToolContext<ToolKind>, act: (owner: Owner) => Promise<R> | R): Promise<R> => {
    await param.prepare?.();
    const owner = await resolveOwner(param, withOwner ? (args as Record<string, string | undefined>)[param.name] : undefined, ctx, facts);
    try {
      return await act(owner);
    } catch (e) {
      throw explain(param, e, owner, facts);
    }
  };
  return defineTool({
    name: def.name,
    title: def.title,
    description: def.description,
    group: param.group,
    kind: def.kind,
    scopes: def.scopes,
    ...(def.orgScopes ? { orgScopes: def.orgScopes } : {}),
    ...(def.siteWriteScopes ? { siteWriteScopes: def.siteWriteScopes } : {}),
    ...(def.needsSiteWrites ? { needsSiteWrites: true } : {}),
    input,
    output: def.output,
    text: def.text,
    ...(def.confirm ? { confirm: (args, ctx) => withOwnerOf(args, ctx, (owner) => def.confirm!(args as z.output<OwnerInput<S, P>>, ctx, owner)) } : {}),
    idempotent: def.idempotent,
    handler: (args, ctx) => withOwnerOf(args, ctx, (owner) => def.handler(args as z.output<OwnerInput<S, P>>, ctx as ToolContext<K>, owner)),
  });
}

async function resolveOwner(param: OwnerParam<string>, who: string | undefined, ctx: ToolContext<ToolKind>, tool: ToolFacts): Promise<Owner> {
  return param.resolve ? param.resolve(who, ctx, tool) : personOwner(who, ctx, param);
}

/** The person an owner parameter names: the signed-in user's own ('/me'), or someone else's (organization mode). */
export async function personOwner(who: string | undefined, ctx: ToolContext<ToolKind>, words: Pick<OwnerParam<string>, 'mine' | 'needsOrgMode'>): Promise<Owner> {
  if (!who || (await isSignedInUser(ctx.auth, who))) return { root: '/me', label: words.mine, other: false };
  if (!ctx.orgMode) throw new ToolError(words.needsOrgMode(who));
  return { root: `/users/${seg(who)}`, label: who, other: true };
}

/** Whether an address or user id names the signed-in user (then /me serves, and no org mode is needed). */
export async function isSignedInUser(auth: AuthService, who: string): Promise<boolean> {
  const account = (await auth.status()).account;
  const key = who.toLowerCase();
  return !!account && (account.username.toLowerCase() === key || account.homeAccountId.toLowerCase().startsWith(`${key}.`));
}

/** Graph's codes for "there is no such person or mailbox" (as opposed to a bad item id). */
export const NO_SUCH_OWNER = /^(ErrorInvalidUser|ErrorNonExistentMailbox|MailboxNotEnabledForRESTAPI|MailboxNotFound|Request_ResourceNotFound|ResourceNotFound|UserNotFound)$/i;

/** Graph's refusals, worded by the group; anything else goes on as it is (register.ts words it). */
function explain(param: OwnerParam<string>, e: unknown, owner: Owner, tool: ToolFacts): unknown {
  if (!(e instanceof GraphError)) return e;
  if (e.status === 403 || e.code === 'ErrorAccessDenied') {
    const text = param.denied(e, owner, tool);
    if (text) return new ToolError(text);
  }
  if (owner.other && e.status === 404 && NO_SUCH_OWNER.test(e.code)) return new ToolError(param.notFound(e, owner));
  if ((e.status === 404 || e.status === 400) && param.badId.codes.test(e.code)) return new ToolError(`${e.message}. ${param.badId.where}`);
  return e;
}
