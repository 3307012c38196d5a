// The People API in the sandbox: /me/people, the people a person works with, ranked by how often they appear
// together in the person's mail and meetings (the `people` of the searchable documents), colleagues of the
// directory after them; `$search` by name (words as prefixes), `$top` and `$skip`.

import { GraphError, type RouteContext, type RouteDef } from '../../graph/types.js';
import { matchesAny } from '../../kql/kql.js';
import type { DirectoryUser } from '../../directory/directory.js';
import type { Searchable } from '../../searchable.js';

interface PeopleState {
  sources: Searchable[];
}

/** Relevance of each address to the person: one point for each message or meeting they share. */
function interactions(state: PeopleState, ctx: RouteContext<PeopleState>): Map<string, number> {
  const me = [ctx.principal.user.userPrincipalName, ctx.principal.user.mail ?? ''].map((a) => a.toLowerCase());
  const counts = new Map<string, number>();
  for (const source of state.sources) {
    for (const type of source.entityTypes.filter((t) => t === 'message' || t === 'event' || t === 'chatMessage')) {
      for (const doc of source.documents(type, ctx)) for (const a of new Set(doc.people ?? [])) if (!me.includes(a)) counts.set(a, (counts.get(a) ?? 0) + 1);
    }
  }
  return counts;
}

function person(u: DirectoryUser, score: number): Record<string, unknown> {
  const address = u.mail ?? u.userPrincipalName;
  return {
    id: u.id,
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    birthday: '',
    personNotes: '',
    isFavorite: false,
    jobTitle: u.jobTitle,
    companyName: u.companyName,
    yomiCompany: '',
    department: u.department,
    officeLocation: u.officeLocation,
    profession: '',
    userPrincipalName: u.userPrincipalName,
    imAddress: u.imAddresses[0] ?? null,
    scoredEmailAddresses: [{ address, relevanceScore: score, selectionLikelihood: 'notSpecified' }],
    phones: [...u.businessPhones.map((n) => ({ type: 'business', number: n })), ...(u.mobilePhone ? [{ type: 'mobile', number: u.mobilePhone }] : [])],
    postalAddresses: [],
    websites: [],
    personType: { class: 'Person', subclass: 'OrganizationUser' },
  };
}

const int = (v: string | null, name: string, dflt: number, max: number) => {
  if (v === null) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new GraphError(400, 'BadRequest', `Invalid value for ${name}: ${v}.`);
  return n;
};

export const peopleRoutes: RouteDef<PeopleState>[] = [
  {
    method: 'GET', path: '/users/{id}/people', scopes: ['People.Read', 'People.Read.All'],
    handler: (ctx) => {
      const me = ctx.principal.user;
      if (ctx.directory.findUser(ctx.params.id)?.id !== me.id) throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      const q = ctx.req.url.searchParams;
      const top = int(q.get('$top'), '$top', 10, 1000);
      const skip = int(q.get('$skip'), '$skip', 0, 100_000);
      const search = (q.get('$search') ?? '').replace(/^"(.*)"$/, '$1').trim();
      const counts = interactions(ctx.state, ctx);
      const scoreOf = (u: DirectoryUser) => counts.get((u.mail ?? u.userPrincipalName).toLowerCase()) ?? counts.get(u.userPrincipalName.toLowerCase()) ?? 0;
      const ranked = ctx.directory.users
        .filter((u) => u.id !== me.id && u.userType === 'Member' && u.showInAddressList !== false)
        .filter((u) => !search || matchesAny([u.displayName, u.mail ?? '', u.userPrincipalName], search, false))
        .map((u) => ({ u, score: scoreOf(u) }))
        .sort((a, b) => b.score - a.score || a.u.displayName.localeCompare(b.u.displayName));
      const page = ranked.slice(skip, skip + top);
      const base = `${ctx.serviceRoot}/me/people`;
      const more = skip + top < ranked.length;
      const next = new URL(base);
      if (search) next.searchParams.set('$search', `"${search}"`);
      next.searchParams.set('$top', String(top));
      next.searchParams.set('$skip', String(skip + top));
      return {
        status: 200,
        body: {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${me.id}')/people`,
          value: page.map(({ u, score }) => person(u, score)),
          ...(more ? { '@odata.nextLink': next.toString() } : {}),
        },
      };
    },
  },
];
