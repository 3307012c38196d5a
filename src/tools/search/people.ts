// search_people: the people the signed-in user works with, most relevant first (Graph's People API ranks by
// their mail, meetings and chats together), or found by name, with what tells them apart: title, department,
// office, address and phone.
import { z } from 'zod';
import { Cursor, Limit, moreLine, NextCursor, nextCursor } from '../content/paging.js';
import { defineTool } from '../define-tool.js';
import { Text } from '../shapes.js';

interface GraphPerson {
  id: string;
  displayName?: string;
  jobTitle?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  userPrincipalName?: string | null;
  scoredEmailAddresses?: { address?: string }[];
  phones?: { type?: string; number?: string }[];
}

const Person = z.object({
  name: z.string(),
  mail: z.string().optional(),
  title: z.string().optional(),
  department: z.string().optional(),
  office: z.string().optional(),
  phone: z.string().optional(),
});

export const searchPeople = defineTool({
  name: 'search_people',
  title: 'Find people',
  description: 'The people you work with most, or people found by name, with title, department, office, address and phone.',
  group: 'search',
  kind: 'read',
  scopes: ['People.Read'],
  input: z.object({ name: Text(200).optional().describe('Name or its start; omit for your most relevant people'), limit: Limit(50, 10), cursor: Cursor }),
  output: z.object({ people: z.array(Person), nextCursor: NextCursor }),
  handler: async (a, { graph, signal }) => {
    const query = { $top: a.limit, $select: 'displayName,jobTitle,department,officeLocation,userPrincipalName,scoredEmailAddresses,phones', ...(a.name ? { $search: `"${a.name.replace(/"/g, '')}"` } : {}) };
    const page = await graph.list<GraphPerson>('/me/people', { query, limit: a.limit, cursor: a.cursor, signal });
    return {
      people: page.items.map((p) => {
        const mail = p.scoredEmailAddresses?.[0]?.address ?? p.userPrincipalName ?? undefined;
        const phone = p.phones?.find((x) => x.type === 'business')?.number ?? p.phones?.[0]?.number;
        return { name: p.displayName ?? mail ?? p.id, ...(mail ? { mail } : {}), ...(p.jobTitle ? { title: p.jobTitle } : {}), ...(p.department ? { department: p.department } : {}), ...(p.officeLocation ? { office: p.officeLocation } : {}), ...(phone ? { phone } : {}) };
      }),
      ...nextCursor(page),
    };
  },
  text: (r) => `${r.people.length} people${r.people.length ? '\n' : ''}${r.people.map((p) => `- ${p.name}${p.title ? `, ${p.title}` : ''}${p.department ? ` (${p.department})` : ''}${p.mail ? ` | ${p.mail}` : ''}${p.office ? ` | ${p.office}` : ''}${p.phone ? ` | ${p.phone}` : ''}`).join('\n')}${moreLine(r.nextCursor)}`,
});

export default [searchPeople];
