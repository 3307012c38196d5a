// Derives the committed test fixtures (test/fixtures/graph-reference/) from ../shared's reference data: `npm run reference`.
// The tests must pass in a clone with no ../shared beside it, so they read these small, deterministic fixtures, never
// ../shared itself; this script is how the fixtures are refreshed when the reference data changes. It keeps only what
// the tests use: the property tables of the Graph types the sandbox serves (with every complex and enum type they
// reach, and their base types), the documented samples of the routes the tests compare with, and the permissions the
// deployment guide asks an administrator to grant.
//   node scripts/reference.mjs           write the fixtures
//   node scripts/reference.mjs --stdout  print them as one JSON object {path: content} instead (the freshness test)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SHARED = path.resolve(REPO, '..', 'shared');
const CSDL_FILE = path.join(SHARED, 'graph-reference', 'graph-v1.0-metadata.csdl.xml');
const SAMPLES_FILE = path.join(SHARED, 'graph-reference', 'graph-v1.0-docs-samples.json');
const GUIDE_FILE = path.join(SHARED, 'spec', 'docker-deployment-guide.md');
export const FIXTURES = 'test/fixtures/graph-reference';

/** The types whose objects the tests check against the CSDL; the types they reach are added by closure. */
const ROOT_TYPES = [
  'microsoft.graph.calendar',
  'microsoft.graph.columnDefinition',
  'microsoft.graph.calendarPermission',
  'microsoft.graph.contact',
  'microsoft.graph.contactFolder',
  'microsoft.graph.drive',
  'microsoft.graph.driveItem',
  'microsoft.graph.driveItemVersion',
  'microsoft.graph.event',
  'microsoft.graph.eventMessage',
  'microsoft.graph.eventMessageRequest',
  'microsoft.graph.eventMessageResponse',
  'microsoft.graph.fieldValueSet',
  'microsoft.graph.fileAttachment',
  'microsoft.graph.list',
  'microsoft.graph.listItem',
  'microsoft.graph.mailboxSettings',
  'microsoft.graph.mailFolder',
  'microsoft.graph.meetingTimeSuggestionsResult',
  'microsoft.graph.message',
  'microsoft.graph.notebook',
  'microsoft.graph.onenotePage',
  'microsoft.graph.onenotePatchContentCommand',
  'microsoft.graph.onenoteSection',
  'microsoft.graph.organization',
  'microsoft.graph.permission',
  'microsoft.graph.scheduleInformation',
  'microsoft.graph.sectionGroup',
  'microsoft.graph.site',
  'microsoft.graph.uploadSession',
  'microsoft.graph.user',
  // To Do and Planner (issue 13); the members of Planner's open-type maps are reached by no property, so by name.
  'microsoft.graph.checklistItem',
  'microsoft.graph.linkedResource',
  'microsoft.graph.todoTask',
  'microsoft.graph.todoTaskList',
  'microsoft.graph.plannerAssignment',
  'microsoft.graph.plannerBucket',
  'microsoft.graph.plannerChecklistItem',
  'microsoft.graph.plannerExternalReference',
  'microsoft.graph.plannerPlan',
  'microsoft.graph.plannerPlanDetails',
  'microsoft.graph.plannerTask',
  'microsoft.graph.plannerTaskDetails',
];

/** The v1.0 requests whose documented samples the tests compare with (`*` for ids); null in the fixture when the
 *  documentation has no sample for it (tests assert that absence too, e.g. $batch). */
const SAMPLE_ROUTES = [
  'GET /me',
  'GET /me/calendars',
  'GET /me/contactFolders',
  'GET /me/contacts',
  'GET /me/contacts/*',
  'PATCH /me/contacts/*',
  'POST /me/contactFolders',
  'POST /me/contacts',
  'GET /me/calendarView?startdatetime=*&enddatetime=*',
  'GET /me/calendarView/delta?startdatetime=*&enddatetime=*',
  'GET /me/directReports',
  'GET /me/drive',
  'GET /me/drive/root/children',
  'GET /me/drive/sharedWithMe',
  'GET /me/drive/items/*/permissions',
  'POST /me/drive/items/*/createLink',
  'POST /me/drive/items/*/invite',
  'POST /me/drive/items/*/copy',
  'POST /me/drive/items/*/createUploadSession',
  'GET /me/mailboxSettings',
  'GET /me/mailboxSettings/workingHours',
  'GET /me/mailFolders/*',
  'GET /me/mailFolders/*/messages/delta',
  'GET /me/messages/*/attachments/*',
  'GET /me/messages?$select=sender,subject',
  'GET /me/onenote/notebooks',
  'POST /me/onenote/notebooks',
  'GET /me/onenote/notebooks/*',
  'GET /me/onenote/notebooks/*/sections',
  'POST /me/onenote/notebooks/*/sections',
  'GET /me/onenote/notebooks/*/sectionGroups',
  'POST /me/onenote/notebooks/*/sectionGroups',
  'GET /me/onenote/sectionGroups',
  'GET /me/onenote/sectionGroups/*',
  'GET /me/onenote/sectionGroups/*/sections',
  'POST /me/onenote/sectionGroups/*/sections',
  'GET /me/onenote/sections',
  'GET /me/onenote/sections/*',
  'GET /me/onenote/sections/*/pages',
  'POST /me/onenote/sections/*/pages',
  'GET /me/onenote/pages',
  'POST /me/onenote/pages',
  'GET /me/onenote/pages/*',
  'DELETE /me/onenote/pages/*',
  'PATCH /me/onenote/pages/*/content',
  'GET /me/onenote/resources/*/content',
  'GET /users/$count',
  'GET /users/*/calendar/calendarPermissions',
  'GET /users/*/manager',
  'GET /users?$filter=endswith(mail,*)&$orderby=userPrincipalName&$count=true',
  'GET /users?$search="displayName:*"&$orderby=displayName&$count=true',
  'POST /$batch',
  'POST /me/calendar/getSchedule',
  'POST /me/calendars/*/events',
  'POST /me/events',
  'POST /me/events/*/accept',
  'POST /me/findMeetingTimes',
  'POST /me/messages/*/attachments/createUploadSession',
  'POST /me/messages/*/move',
  'POST /me/messages/*/reply',
  'POST /me/sendMail',
  'GET /sites',
  'GET /sites?search=*',
  'GET /sites/*',
  'GET /sites/*/*',
  'GET /sites/*/lists',
  'GET /sites/*/lists/*',
  'GET /sites/*/lists/*/columns',
  'GET /sites/*/lists/*/items?$expand=fields($select=Name,Color,Quantity)',
  'GET /sites/*/lists/*/items/*?expand=*',
  'POST /sites/*/lists/*/items',
  'PATCH /sites/*/lists/*/items/*/fields',
  'DELETE /sites/*/lists/*/items/*',
  'GET /me/todo/lists',
  'POST /me/todo/lists',
  'PATCH /me/todo/lists/*',
  'DELETE /me/todo/lists/*',
  'GET /me/todo/lists/*/tasks',
  'POST /me/todo/lists/*/tasks',
  'GET /me/todo/lists/*/tasks/*',
  'PATCH /me/todo/lists/*/tasks/*',
  'DELETE /me/todo/lists/*/tasks/*',
  'GET /me/todo/lists/*/tasks/*/checklistItems',
  'POST /me/todo/lists/*/tasks/*/checklistItems',
  'PATCH /me/todo/lists/*/tasks/*/checklistItems/*',
  'GET /me/todo/lists/*/tasks/*/linkedResources',
  'POST /me/todo/lists/*/tasks/*/linkedResources',
  'DELETE /me/todo/lists/*/tasks/*/linkedResources/*',
  'GET /me/planner/plans',
  'GET /me/planner/tasks',
  'GET /groups/*/planner/plans',
  'POST /planner/plans',
  'GET /planner/plans/*',
  'PATCH /planner/plans/*',
  'DELETE /planner/plans/*',
  'GET /planner/plans/*/buckets',
  'GET /planner/plans/*/tasks',
  'GET /planner/plans/*/details',
  'PATCH /planner/plans/*/details',
  'POST /planner/buckets',
  'GET /planner/buckets/*',
  'PATCH /planner/buckets/*',
  'DELETE /planner/buckets/*',
  'GET /planner/buckets/*/tasks',
  'POST /planner/tasks',
  'GET /planner/tasks/*',
  'PATCH /planner/tasks/*',
  'DELETE /planner/tasks/*',
  'GET /planner/tasks/*/details',
  'PATCH /planner/tasks/*/details',
];

const README = `# Graph reference fixtures (generated: do not edit)

Written by \`npm run reference\` (scripts/reference.mjs) from \`../shared/graph-reference/\` and <!-- // shared-optional -->
\`../shared/spec/docker-deployment-guide.md\`; the tests read these files so that they pass in a clone with no <!-- // shared-optional -->
\`../shared\` beside it, and a test fails when they differ from what the script derives (when ../shared is there). <!-- // shared-optional -->

- \`types.json\`: the property tables of the Graph v1.0 types the sandbox serves, with every complex and enum type
  they reach and their base types. Derived from \`schemas/v1.0-Prod.csdl\` of microsoftgraph/msgraph-metadata, MIT,
  (c) Microsoft Graph.
- \`samples.json\`: the documented request/response samples of the routes the tests compare with (null: no sample).
  Taken from \`graph-v1_0-proxy-mocks.json\` of waldekmastykarz/graph-mocks, MIT, (c) 2023 Waldek Mastykarz.
- \`guide-permissions.json\`: the delegated permissions the Docker deployment guide lists for the app registration.

To refresh them: put the reference data in \`../shared/\`, run \`npm run reference\`, commit the diff. <!-- // shared-optional -->
`;

/** The entity types whose every property $select may name, in the sandbox's own source (src/ cannot read test
 *  fixtures): a property Graph has and the sandbox does not hold is selectable and comes back without a value. */
const SELECTABLE_TYPES = ['microsoft.graph.user', 'microsoft.graph.event', 'microsoft.graph.message', 'microsoft.graph.mailFolder', 'microsoft.graph.calendar', 'microsoft.graph.contact', 'microsoft.graph.contactFolder', 'microsoft.graph.driveItem', 'microsoft.graph.site', 'microsoft.graph.list', 'microsoft.graph.listItem', 'microsoft.graph.columnDefinition',
  'microsoft.graph.notebook', 'microsoft.graph.sectionGroup', 'microsoft.graph.onenoteSection', 'microsoft.graph.onenotePage',
  'microsoft.graph.todoTaskList', 'microsoft.graph.todoTask', 'microsoft.graph.checklistItem', 'microsoft.graph.linkedResource',
  'microsoft.graph.plannerPlan', 'microsoft.graph.plannerBucket', 'microsoft.graph.plannerTask'];
export const SELECTABLE_FILE = 'src/sandbox/odata/graph-properties.ts';

/** What Graph answers for a property nobody set: [] for a collection, null when nullable, else the type's
 *  default (a birthday is 0001-01-01T00:00:00Z, a flag false). */
function unsetValue(p) {
  if (p.type.startsWith('Collection(')) return [];
  if (p.nullable) return null;
  return { 'Edm.Boolean': false, 'Edm.DateTimeOffset': '0001-01-01T00:00:00Z', 'Edm.Int32': 0, 'Edm.Int64': 0, 'Edm.Double': 0, 'Edm.String': '' }[p.type] ?? null;
}

function selectableSource(types) {
  const rows = [];
  for (const name of [...SELECTABLE_TYPES, ...TEAMS_SELECTABLE_TYPES]) {
    const props = new Map();
    for (let t = types.get(name); t; t = t.baseType ? types.get(t.baseType) : undefined) for (const p of t.properties) if (!props.has(p.name)) props.set(p.name, unsetValue(p));
    const entries = [...props].sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => `${k}: ${JSON.stringify(v).replace(/"/g, "'")}`);
    rows.push(`  '${name}': { ${entries.join(', ')} },`);
  }
  return `// Generated by \`npm run reference\` (scripts/reference.mjs) from Graph's v1.0 metadata: do not edit.\n// Every structural property of the entity types the sandbox serves, base types included, for $select,\n// with what Graph answers for it when nobody set it.\nexport const GRAPH_PROPERTIES: Record<string, Record<string, unknown>> = {\n${rows.join('\n')}\n};\n`;
}

/** Teams (issue 12), kept apart from the lists above so that workloads added on other branches merge beside it:
 *  the types of teams, channels, chats, their messages and members (with the identities and event details messages
 *  carry), the routes whose documented samples the Teams fidelity test compares with, and the types $select names. */
const TEAMS_ROOT_TYPES = [
  'microsoft.graph.aadUserConversationMember',
  'microsoft.graph.callEndedEventMessageDetail',
  'microsoft.graph.channel',
  'microsoft.graph.channelAddedEventMessageDetail',
  'microsoft.graph.chat',
  'microsoft.graph.chatMessage',
  'microsoft.graph.chatMessageInfo',
  'microsoft.graph.membersAddedEventMessageDetail',
  'microsoft.graph.team',
  'microsoft.graph.teamworkApplicationIdentity',
  'microsoft.graph.teamworkUserIdentity',
];
const TEAMS_SAMPLE_ROUTES = [
  'GET /me/joinedTeams',
  'GET /teams/*/members',
  'GET /teams/*/channels',
  'GET /teams/*/channels/*',
  'GET /teams/*/primaryChannel',
  'GET /teams/*/channels/*/members',
  'GET /teams/*/channels/*/messages?$top=3',
  'GET /teams/*/channels/*/messages?$top=1&$expand=replies',
  'GET /teams/*/channels/*/messages/*',
  'GET /teams/*/channels/*/messages/*/replies',
  'GET /teams/*/channels/*/messages/*/replies/*',
  'POST /teams/*/channels/*/messages',
  'POST /teams/*/channels/*/messages/*/replies',
  'GET /users/*/chats',
  'GET /users/*/chats?$expand=members',
  'GET /chats/*',
  'GET /chats/*?$expand=members',
  'GET /chats/*?$expand=lastMessagePreview',
  'GET /chats/*/members',
  'GET /chats/*/messages?$top=2',
  'GET /chats/*/messages/*',
  'POST /chats/*/messages',
];
const TEAMS_SELECTABLE_TYPES = ['microsoft.graph.team', 'microsoft.graph.channel', 'microsoft.graph.aadUserConversationMember'];

/** Every fixture file (path relative to the repository, content) derived from the reference data in ../shared. */
export function deriveFixtures() {
  for (const f of [CSDL_FILE, SAMPLES_FILE, GUIDE_FILE]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: the fixtures are derived from ../shared beside the repository`);
  }
  const types = parseCsdl(fs.readFileSync(CSDL_FILE, 'utf8'));
  return {
    [SELECTABLE_FILE]: selectableSource(types),
    [`${FIXTURES}/README.md`]: README,
    [`${FIXTURES}/types.json`]: stableJson(typeTables(types, [...ROOT_TYPES, ...TEAMS_ROOT_TYPES])),
    [`${FIXTURES}/samples.json`]: stableJson(documentedSamples(JSON.parse(fs.readFileSync(SAMPLES_FILE, 'utf8')).mocks, [...SAMPLE_ROUTES, ...TEAMS_SAMPLE_ROUTES])),
    [`${FIXTURES}/guide-permissions.json`]: stableJson(guidePermissions(fs.readFileSync(GUIDE_FILE, 'utf8'))),
  };
}

/** The CSDL's entity, complex and enum types by qualified name (aliases resolved). A tag scanner, not a general XML
 *  parser: the file is machine-written, one element per line, attributes in double quotes. */
function parseCsdl(xml) {
  const types = new Map();
  const aliases = new Map();
  for (const m of xml.matchAll(/<Schema\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    if (a.Alias) aliases.set(a.Alias, a.Namespace);
  }
  const qualify = (name) => {
    const coll = /^Collection\((.+)\)$/.exec(name);
    if (coll) return `Collection(${qualify(coll[1])})`;
    const dot = name.indexOf('.');
    const head = name.slice(0, dot);
    return aliases.has(head) ? `${aliases.get(head)}${name.slice(dot)}` : name;
  };
  let namespace = '';
  let current;
  for (const m of xml.matchAll(/<(\/?)(Schema|EntityType|ComplexType|EnumType|Property|NavigationProperty|Member)\b([^>]*?)(\/?)>/g)) {
    const [, closing, tag, rawAttrs, selfClosing] = m;
    const a = attrs(rawAttrs);
    if (tag === 'Schema') {
      if (!closing) namespace = a.Namespace;
      continue;
    }
    if (tag === 'EntityType' || tag === 'ComplexType' || tag === 'EnumType') {
      if (closing) {
        current = undefined;
        continue;
      }
      const kind = tag === 'EntityType' ? 'entity' : tag === 'ComplexType' ? 'complex' : 'enum';
      const t = { kind, name: `${namespace}.${a.Name}`, baseType: a.BaseType ? qualify(a.BaseType) : undefined, properties: [], navigation: [], openType: a.OpenType === 'true' };
      if (kind === 'enum') Object.assign(t, { members: [], flags: a.IsFlags === 'true' });
      types.set(t.name, t);
      current = selfClosing ? undefined : t;
      continue;
    }
    if (!current || closing) continue;
    if (tag === 'Member') current.members?.push(a.Name);
    else if (tag === 'Property') current.properties.push({ name: a.Name, type: qualify(a.Type), nullable: a.Nullable !== 'false' });
    else current.navigation.push(a.Name);
  }
  return types;
}

function attrs(s) {
  const out = {};
  for (const m of s.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** The roots, their base types and every type their properties reach, each with its own properties
 *  (name -> {type, collection, nullable}), navigation property names, enum members, and whether it is open. */
function typeTables(types, roots) {
  const out = {};
  const pending = [...roots];
  while (pending.length) {
    const name = pending.pop();
    if (out[name] || name.startsWith('Edm.')) continue;
    const t = types.get(name);
    if (!t) throw new Error(`${name} is not a type of the CSDL`);
    const entry = { kind: t.kind };
    if (t.baseType) {
      entry.baseType = t.baseType;
      pending.push(t.baseType);
    }
    if (t.kind === 'enum') Object.assign(entry, { flags: t.flags, members: [...t.members].sort() });
    else {
      // Open types (Planner's assignments, checklists, references; a list item's fields) take dynamic properties.
      if (t.openType) entry.openType = true;
      entry.properties = {};
      for (const p of t.properties) {
        const coll = /^Collection\((.+)\)$/.exec(p.type);
        const type = coll ? coll[1] : p.type;
        entry.properties[p.name] = { collection: Boolean(coll), nullable: p.nullable, type };
        pending.push(type);
      }
      entry.navigation = [...t.navigation].sort();
    }
    out[name] = entry;
  }
  return out;
}

/** The documented response of each route ("METHOD /path", relative to /v1.0), or null when there is none. */
function documentedSamples(mocks, routes) {
  const out = {};
  for (const route of routes) {
    const [method, url] = [route.slice(0, route.indexOf(' ')), route.slice(route.indexOf(' ') + 1)];
    const found = mocks.filter((x) => x.request.method === method && x.request.url === `https://graph.microsoft.com/v1.0${url}`);
    if (found.length > 1) throw new Error(`${route}: ${found.length} documented samples, the tests expect one`);
    out[route] = found[0] ? found[0].response : null;
  }
  return out;
}

/** The permissions of the guide's app-registration list: lines such as "   - `Mail.Read` - Read mail". */
function guidePermissions(guide) {
  const listed = [...new Set([...guide.matchAll(/^\s+- `([A-Za-z]+\.[A-Za-z.]+)` - /gm)].map((m) => m[1]))].sort();
  if (listed.length === 0) throw new Error('the deployment guide lists no permissions: has its format changed?');
  return listed;
}

/** JSON with object keys sorted at every depth (arrays keep their order), two-space indented, an object or array of
 *  plain values on one line when it fits (one property per line in types.json), newline at the end: the same input
 *  always gives the same bytes. */
function stableJson(value) {
  const write = (v, indent) => {
    if (!v || typeof v !== 'object') return JSON.stringify(v);
    const entries = Array.isArray(v) ? v.map((x) => [null, x]) : Object.keys(v).sort().map((k) => [k, v[k]]);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) return `${open}${close}`;
    const item = (k, x, inner) => `${k === null ? '' : `${JSON.stringify(k)}: `}${write(x, inner)}`;
    const flat = entries.every(([, x]) => !x || typeof x !== 'object');
    const line = `${open} ${entries.map(([k, x]) => item(k, x, '')).join(', ')} ${close}`;
    if (flat && indent.length + line.length <= 120) return line;
    const inner = `${indent}  `;
    return `${open}\n${entries.map(([k, x]) => `${inner}${item(k, x, inner)}`).join(',\n')}\n${indent}${close}`;
  };
  return `${write(value, '')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fixtures = deriveFixtures();
  if (process.argv.includes('--stdout')) process.stdout.write(JSON.stringify(fixtures));
  else {
    for (const [file, content] of Object.entries(fixtures)) {
      fs.mkdirSync(path.dirname(path.join(REPO, file)), { recursive: true });
      fs.writeFileSync(path.join(REPO, file), content);
      console.log(`wrote ${file} (${content.length} bytes)`);
    }
  }
}
