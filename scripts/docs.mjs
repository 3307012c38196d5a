// npm run docs: rewrites the generated blocks of README.md, docs/deployment.md and .env.example from the
// group table (src/tools/groups.ts) and the tool definitions, as built in dist/. test/docs.test.ts
// builds the same blocks from src/ and fails when a file is stale.
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The files that hold generated blocks, relative to the repository root. */
export const DOC_FILES = ['README.md', 'docs/deployment.md', '.env.example'];

/**
 * @typedef {{ id: string, toggle?: string, title: string, description: string }} GroupInfo
 * @typedef {{ name: string, group: string, kind: string, scopes: readonly string[], orgScopes?: readonly string[], siteWriteScopes?: readonly string[], needsSiteWrites?: boolean, orgOnly?: boolean }} ToolInfo
 * @typedef {{
 *   groups: readonly GroupInfo[],
 *   tools: readonly ToolInfo[],
 *   selectTools: (all: readonly any[], s: { groups: Set<any>, readOnly: boolean, orgMode: boolean }) => readonly ToolInfo[],
 *   requiredScopes: (tools: readonly any[], orgMode: boolean) => string[],
 *   version: string,
 * }} DocInputs
 */

const code = (s) => `\`${s}\``;
const list = (xs) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** Every generated block by marker name.
 *  @param {DocInputs} inputs
 *  @returns {Record<string, string>} */
export function docBlocks({ groups, tools, selectTools, requiredScopes, version }) {
  const toolsOf = (g) => tools.filter((t) => t.group === g.id);
  const withTools = groups.filter((g) => toolsOf(g).length);
  const without = groups.filter((g) => !toolsOf(g).length);
  const toggles = [...new Set(groups.flatMap((g) => (g.toggle ? [g.toggle] : [])))];
  const titlesOf = (toggle) => groups.filter((g) => g.toggle === toggle).map((g) => g.title).join(', ');
  const hasTools = (toggle) => groups.some((g) => g.toggle === toggle && toolsOf(g).length);
  const everyGroup = { groups: new Set(groups.map((g) => g.id)), readOnly: false };
  const scopes = (orgMode, siteWrites = false) => requiredScopes(selectTools(tools, { ...everyGroup, orgMode, siteWrites }), orgMode, siteWrites).map(code).join(', ');
  const permissions = (t) => [...t.scopes, ...(t.orgScopes ?? []).map((s) => `${s} (org)`), ...(t.siteWriteScopes ?? []).map((s) => `${s} (site writes)`)].join(', ') || 'none (local sign-in state)';

  return {
    // README: the groups, their toggles and how many tools each has in this version.
    groups: [
      '| group | toggle | what | tools in this version |',
      '| --- | --- | --- | --- |',
      ...groups.map((g) => `| ${g.title} (${code(g.id)}) | ${g.toggle ? code(`MS365_MCP_ENABLE_${g.toggle}`) : 'always on'} | ${g.description} | ${toolsOf(g).length || 'none yet'} |`),
    ].join('\n'),
    // README: one table per group that has tools, in the order of the group table.
    tools: withTools.map((g) => [
      `### ${g.title} (${code(g.id)})`,
      '',
      g.description,
      '',
      '| tool | kind | permissions | organization mode only |',
      '| --- | --- | --- | --- |',
      ...toolsOf(g).map((t) => `| ${code(t.name)} | ${t.kind} | ${permissions(t)} | ${t.orgOnly ? 'yes' : ''}${t.needsSiteWrites ? ' (with site writes)' : ''} |`),
    ].join('\n')).join('\n\n'),
    // docs/deployment.md, section 3: one line per toggle.
    toggles: toggles.map((t) => `- ${code(`MS365_MCP_ENABLE_${t}`)}: ${titlesOf(t)}${hasTools(t) ? '' : ' (no tools yet)'}`).join('\n'),
    // docs/deployment.md, section 2: what this version asks for.
    permissions: [
      `This version (${version}) has tools in the groups ${list(withTools.map((g) => g.title))}${without.length ? `; ${list(without.map((g) => g.title))} have none yet` : ''}.`,
      'With every group on, `--list-permissions` prints, one per line:',
      '',
      `- in organization mode: ${scopes(true)}`,
      `- without organization mode: ${scopes(false)}`,
      `- in organization mode with \`MS365_MCP_SITE_WRITES=true\` (writing to SharePoint and colleagues' files; beyond the guide's list): ${scopes(true, true)}`,
    ].join('\n'),
    // .env.example: every toggle with its default.
    'env-toggles': toggles.map((t) => `MS365_MCP_ENABLE_${t}=true`).join('\n'),
  };
}

const BLOCK = /^([ \t]*)((?:# )?)<!-- ([a-z-]+):start -->\n[\s\S]*?^\1\2<!-- \3:end -->$/gm;

/** Replaces the content of each `<!-- name:start -->` ... `<!-- name:end -->` pair named in blocks,
 *  indented like the start marker (a block inside a list item stays in it); other pairs (the bench's
 *  table) are left alone. `# ` before a marker hides it in files whose comments start with #.
 *  @param {string} text
 *  @param {Record<string, string>} blocks
 *  @returns {string} */
export function fillBlocks(text, blocks) {
  return text.replace(BLOCK, (whole, indent, lead, name) => {
    if (!Object.hasOwn(blocks, name)) return whole;
    const body = blocks[name].split('\n').map((l) => (l ? indent + l : l)).join('\n');
    return `${indent}${lead}<!-- ${name}:start -->\n${body}\n${indent}${lead}<!-- ${name}:end -->`;
  });
}

async function main() {
  const root = path.resolve(import.meta.dirname, '..');
  const dist = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href);
  const [{ GROUP_TABLE }, { ALL_TOOLS }, { selectTools }, { requiredScopes }, { VERSION }] = await Promise.all([
    dist('tools/groups.js'), dist('tools/index.js'), dist('tools/select.js'), dist('auth/scopes.js'), dist('version.js'),
  ]);
  const blocks = docBlocks({ groups: GROUP_TABLE, tools: ALL_TOOLS, selectTools, requiredScopes, version: VERSION });
  for (const file of DOC_FILES) {
    const full = path.join(root, file);
    const before = await fs.readFile(full, 'utf8');
    const after = fillBlocks(before, blocks);
    if (after !== before) await fs.writeFile(full, after);
    process.stderr.write(`${file}: ${after === before ? 'unchanged' : 'rewritten'}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
