// The sandbox's /users and /me over real HTTP with real tokens: $select, $filter, $orderby, paging,
// $count, $search, $expand, manager and direct reports, checked against the seeded directory.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, ALEX, EVENTUAL, graph, type GraphAs, idOf, PATTI, SUPPORT, useSandbox } from '../fixtures.js';
import { demoUsers, type DirectoryUser } from '../../src/sandbox/testing.js';

const seed = demoUsers();
const DEFAULT_KEYS = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
const names = (r: { body: { value: { displayName: string }[] } }) => r.body.value.map((u) => u.displayName);
const seedNames = (pred: (u: DirectoryUser) => boolean) => seed.filter(pred).map((u) => u.displayName);
const q = (filter: string) => `/users?$filter=${encodeURIComponent(filter)}&$select=displayName`;
const ADVANCED = '&$count=true';

const sb = useSandbox();
let token: GraphAs;
beforeAll(async () => {
  token = await sb.graphAs(ADELE, 'User.Read User.Read.All');
});

describe('one user', () => {
  it('GET /me returns the default property set of the signed-in user, with Graph headers', async () => {
    const r = await graph(sb, token, '/me', { headers: { 'client-request-id': 'c0ffee00-1111-2222-3333-444455556666' } });
    expect(r.status).toBe(200);
    expect(r.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users/$entity');
    expect(Object.keys(r.body)).toEqual(['@odata.context', ...DEFAULT_KEYS]);
    expect(r.body).toMatchObject({ id: idOf(ADELE), userPrincipalName: ADELE, displayName: 'Adele Vance', jobTitle: 'Retail Manager' });
    expect(r.headers.get('client-request-id')).toBe('c0ffee00-1111-2222-3333-444455556666');
    expect(r.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(r.headers.get('date') ?? '')).not.toBeNaN();
    expect(r.text).not.toMatch(/managerId|timeZone/);
  });

  it('finds a user by id or by userPrincipalName in any letter case', async () => {
    const byId = await graph(sb, token, `/users/${idOf(PATTI).toUpperCase()}`);
    const byUpn = await graph(sb, token, `/users/${encodeURIComponent(PATTI.toUpperCase())}`);
    expect(byId.status).toBe(200);
    expect(byUpn.body).toEqual(byId.body);
    expect(byUpn.body.displayName).toBe('Patti Fernandez');
  });

  it('answers an unknown user with 404 Request_ResourceNotFound', async () => {
    const r = await graph(sb, token, '/users/nobody@contoso.sandbox');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('Request_ResourceNotFound');
    expect(r.body.error.message).toBe("Resource 'nobody@contoso.sandbox' does not exist or one of its queried reference-property objects are not present.");
    expect(r.body.error.innerError['request-id']).toBe(r.headers.get('request-id'));
  });

  it('$select returns exactly the selected properties, named in @odata.context', async () => {
    const r = await graph(sb, token, '/me?$select=displayName,mail,department,accountEnabled');
    expect(r.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users(displayName,mail,department,accountEnabled)/$entity');
    expect(r.body).toEqual({ '@odata.context': r.body['@odata.context'], displayName: 'Adele Vance', mail: ADELE, department: 'Sales', accountEnabled: true });
  });

  it('$select of a property Graph does not have (or the seed keeps to itself) is a 400', async () => {
    for (const name of ['nickname', 'managerId', 'timeZone']) {
      const r = await graph(sb, token, `/me?$select=displayName,${name}`);
      expect(r.status, name).toBe(400);
      expect(r.body.error.message).toBe(`Could not find a property named '${name}' on type 'microsoft.graph.user'.`);
    }
  });

  it('shows the shared mailbox as a disabled member user', async () => {
    const r = await graph(sb, token, `/users/${SUPPORT}?$select=id,displayName,accountEnabled,userType,mail`);
    expect(r.body).toMatchObject({ id: idOf(SUPPORT), accountEnabled: false, userType: 'Member', mail: SUPPORT });
  });
});

describe('$filter', () => {
  it('startswith, eq, and/or with parentheses, in, any(), datetimes and booleans', async () => {
    expect(names(await graph(sb, token, q("startswith(displayName,'a')")))).toEqual(seedNames((u) => /^a/i.test(u.displayName)));
    expect(names(await graph(sb, token, q("department eq 'sales'")))).toEqual(seedNames((u) => u.department === 'Sales'));
    expect(names(await graph(sb, token, q("jobTitle eq 'Software Engineer' and city eq 'Tokyo'")))).toEqual(['Hiroshi Tanaka']);
    expect(names(await graph(sb, token, q("(city eq 'London' or city eq 'Munich') and department eq 'Sales'")))).toEqual(
      seedNames((u) => (u.city === 'London' || u.city === 'Munich') && u.department === 'Sales'),
    );
    expect(names(await graph(sb, token, q('accountEnabled eq false')))).toEqual(['Contoso Support']);
    expect(names(await graph(sb, token, q(`userPrincipalName in ('${ADELE}', '${PATTI.toUpperCase()}')`)))).toEqual(['Patti Fernandez', 'Adele Vance']);
    expect(names(await graph(sb, token, q("proxyAddresses/any(p:startswith(p,'smtp:adelevance@'))")))).toEqual(['Adele Vance']);
    expect(names(await graph(sb, token, q('createdDateTime ge 2021-01-01T00:00:00Z')))).toEqual(seedNames((u) => u.createdDateTime >= '2021-01-01T00:00:00Z'));
    expect(names(await graph(sb, token, q(`id eq '${idOf(ALEX)}'`)))).toEqual(['Alex Wilber']);
  });

  it("reads '' inside a string literal as one quote", async () => {
    const r = await graph(sb, token, q("displayName eq 'O''Brien' or displayName eq 'Adele Vance'"));
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(['Adele Vance']);
  });

  it('needs advanced query parameters for endsWith, ne, not and null, with Graph\'s message', async () => {
    const ends = await graph(sb, token, q("endswith(mail,'@contoso.sandbox')"));
    expect(ends.status).toBe(400);
    expect(ends.body.error.code).toBe('Request_UnsupportedQuery');
    expect(ends.body.error.message).toMatch(/^Operator 'endsWith' is not supported because the required parameters might be missing\. Try adding \$count=true query parameter and ConsistencyLevel:eventual header/);
    const ne = await graph(sb, token, q("department ne 'Sales'"));
    expect(ne.body.error.message).toMatch(/^Operator 'ne' is not supported/);
    // The header alone is not enough: $count=true is the other half.
    expect((await graph(sb, token, q("department ne 'Sales'"), { headers: EVENTUAL })).status).toBe(400);

    const advanced = async (f: string) => graph(sb, token, q(f) + ADVANCED, { headers: EVENTUAL });
    expect(names(await advanced("endswith(mail,'@contoso.sandbox')"))).toEqual(seedNames(() => true));
    expect(names(await advanced("department ne 'Sales'"))).toEqual(seedNames((u) => u.department !== 'Sales'));
    expect(names(await advanced("not(startswith(displayName,'A'))"))).toEqual(seedNames((u) => !/^a/i.test(u.displayName)));
    expect(names(await advanced('jobTitle eq null'))).toEqual(['Contoso Support']);
  });

  it('refuses properties the directory filters only in advanced queries, or not at all', async () => {
    const office = await graph(sb, token, q("officeLocation eq '18/2111'"));
    expect(office.status).toBe(400);
    expect(office.body.error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message: "Unsupported or invalid query filter clause specified for property 'officeLocation' of resource 'User'.",
    });
    expect(names(await graph(sb, token, q("officeLocation eq '18/2111'") + ADVANCED, { headers: EVENTUAL }))).toEqual(['Adele Vance']);
    const phones = await graph(sb, token, q("businessPhones/any(p:p eq '+1 425 555 0115')"));
    expect(phones.body.error.code).toBe('Request_UnsupportedQuery');
  });

  it('answers unknown properties, syntax errors and type mismatches with 400 BadRequest', async () => {
    const cases: [string, RegExp][] = [
      ["nickname eq 'x'", /^Could not find a property named 'nickname' on type 'microsoft\.graph\.user'\.$/],
      ['displayName eq', /^Invalid filter clause: Syntax error at position 14 in 'displayName eq'\.$/],
      ["displayName eq 'unterminated", /Syntax error at position 15/],
      ["startswith(displayName,'a'", /Syntax error/],
      ["accountEnabled eq 'true'", /incompatible types.*'Edm\.Boolean' and 'Edm\.String'/],
      ['createdDateTime ge 2021', /incompatible types/],
    ];
    for (const [filter, message] of cases) {
      const r = await graph(sb, token, q(filter));
      expect(r.status, filter).toBe(400);
      expect(r.body.error.code, filter).toBe('BadRequest');
      expect(r.body.error.message, filter).toMatch(message);
    }
  });
});

describe('$orderby', () => {
  const sorted = (key: 'displayName' | 'userPrincipalName', desc = false) => {
    const out = [...seed].sort((a, b) => a[key].toLowerCase().localeCompare(b[key].toLowerCase()));
    return (desc ? out.reverse() : out).map((u) => u.displayName);
  };

  it('sorts by displayName and userPrincipalName, either direction', async () => {
    expect(names(await graph(sb, token, '/users?$orderby=displayName&$select=displayName'))).toEqual(sorted('displayName'));
    expect(names(await graph(sb, token, '/users?$orderby=displayName%20desc&$select=displayName'))).toEqual(sorted('displayName', true));
    expect(names(await graph(sb, token, '/users?$orderby=userPrincipalName asc&$select=displayName'))).toEqual(sorted('userPrincipalName'));
  });

  it('refuses other properties, and $filter with $orderby, unless the query is advanced', async () => {
    const job = await graph(sb, token, '/users?$orderby=jobTitle');
    expect(job.body.error).toMatchObject({ code: 'Request_UnsupportedQuery', message: "Unsupported sort property 'jobTitle' for 'User'." });
    const created = await graph(sb, token, '/users?$orderby=createdDateTime');
    expect(created.body.error.message).toBe("Unsupported sort property 'createdDateTime' for 'User'.");
    const both = await graph(sb, token, `${q("startswith(displayName,'a')")}&$orderby=displayName`);
    expect(both.body.error).toMatchObject({ code: 'Request_UnsupportedQuery', message: 'Sorting not supported for current query.' });

    const ok = await graph(sb, token, `${q("startswith(displayName,'a')")}&$orderby=displayName desc${ADVANCED}`, { headers: EVENTUAL });
    expect(names(ok)).toEqual(seedNames((u) => /^a/i.test(u.displayName)).sort().reverse());
    const byDate = await graph(sb, token, `/users?$orderby=createdDateTime&$select=displayName${ADVANCED}`, { headers: EVENTUAL });
    expect(names(byDate)[0]).toBe('Patti Fernandez');
  });
});

describe('paging', () => {
  it('follows @odata.nextLink through every user exactly once, keeping the query', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/users?$top=7&$select=id,displayName';
    let pages = 0;
    while (url) {
      const r = await graph(sb, token, url);
      expect(r.status).toBe(200);
      expect(r.body.value.length).toBeLessThanOrEqual(7);
      expect(Object.keys(r.body.value[0])).toEqual(['id', 'displayName']);
      seen.push(...r.body.value.map((u: { id: string }) => u.id));
      url = r.body['@odata.nextLink'];
      if (url) expect(url).toMatch(new RegExp(`^${sb.url}/v1\\.0/users\\?\\$top=7&\\$select=id%2CdisplayName&\\$skiptoken=`));
      pages++;
    }
    expect(pages).toBe(Math.ceil(seed.length / 7));
    expect(seen).toEqual(seed.map((u) => u.id));
  });

  it('serves 100 by default, so the whole directory fits one page', async () => {
    const r = await graph(sb, token, '/users');
    expect(r.body.value).toHaveLength(seed.length);
    expect(r.body['@odata.nextLink']).toBeUndefined();
  });

  it('refuses a $skiptoken replayed with another query, and $top outside 1..999', async () => {
    const first = await graph(sb, token, '/users?$top=5');
    const forged = first.body['@odata.nextLink'].replace('$top=5', '$top=6');
    expect((await graph(sb, token, forged)).status).toBe(400);
    for (const top of ['0', '1000', 'abc', '-1']) {
      const r = await graph(sb, token, `/users?$top=${top}`);
      expect(r.status, top).toBe(400);
    }
    expect((await graph(sb, token, '/users?$top=999')).status).toBe(200);
    expect((await graph(sb, token, '/users?$skip=5')).body.error.message).toBe("'$skip' is not supported by the service.");
  });
});

describe('$count', () => {
  it('needs ConsistencyLevel: eventual, otherwise 400 Request_BadRequest', async () => {
    for (const path of ['/users?$count=true', '/users/$count']) {
      const r = await graph(sb, token, path);
      expect(r.status, path).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'Request_BadRequest', message: '$count is not currently supported.' });
    }
  });

  it('adds @odata.count before the value, and /users/$count answers in plain text', async () => {
    const r = await graph(sb, token, `${q("department eq 'Sales'")}&$top=2${ADVANCED}`, { headers: EVENTUAL });
    expect(Object.keys(r.body)).toEqual(['@odata.context', '@odata.count', '@odata.nextLink', 'value']);
    expect(r.body['@odata.count']).toBe(seedNames((u) => u.department === 'Sales').length);
    const all = await graph(sb, token, '/users/$count', { headers: EVENTUAL });
    expect(all.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(all.text).toBe(String(seed.length));
    const some = await graph(sb, token, `/users/$count?$filter=${encodeURIComponent('accountEnabled eq false')}`, { headers: EVENTUAL });
    expect(some.text).toBe('1');
  });
});

describe('$search', () => {
  const search = (s: string) => graph(sb, token, `/users?$search=${encodeURIComponent(s)}&$select=displayName`, { headers: EVENTUAL });

  it('needs ConsistencyLevel: eventual', async () => {
    const r = await graph(sb, token, `/users?$search=${encodeURIComponent('"displayName:adele"')}`);
    expect(r.body.error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message: "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    });
  });

  it('matches word prefixes of the value, ignoring case, with OR and AND', async () => {
    expect(names(await search('"displayName:adele"'))).toEqual(['Adele Vance']);
    expect(names(await search('"displayName:VAN"'))).toEqual(['Adele Vance']);
    expect(names(await search('"mail:vance"'))).toEqual(['Adele Vance']);
    expect(names(await search('"displayName:adele" OR "mail:pradeep"'))).toEqual(['Pradeep Gupta', 'Adele Vance']);
    expect(names(await search('"displayName:a" AND "mail:wilber"'))).toEqual(['Alex Wilber']);
    expect(names(await search('"displayName:zzz"'))).toEqual([]);
  });

  it('refuses clauses without quotes or on properties it does not search', async () => {
    expect((await search('displayName:adele')).status).toBe(400);
    expect((await search('"adele"')).status).toBe(400);
    expect((await search('"department:sales"')).body.error.code).toBe('Request_UnsupportedQuery');
  });

  it('combines with $filter and $count', async () => {
    const r = await graph(sb, token, `/users?$search=${encodeURIComponent('"displayName:a"')}&${q("department eq 'Sales'").slice(7)}&$count=true`, { headers: EVENTUAL });
    expect(r.body['@odata.count']).toBe(names(r).length);
    expect(names(r)).toEqual(['Alex Wilber', 'Adele Vance']);
  });
});

describe('manager and direct reports', () => {
  it('GET /me/manager is a directoryObject of type user; the top of the chart has none', async () => {
    const r = await graph(sb, token, '/me/manager');
    expect(r.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity');
    expect(r.body['@odata.type']).toBe('#microsoft.graph.user');
    expect(r.body.id).toBe(idOf(ALEX));
    const top = await graph(sb, token, `/users/${idOf(PATTI)}/manager`);
    expect(top.status).toBe(404);
    expect(top.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('GET /users/{id}/directReports lists exactly the seed\'s reports, and counts them', async () => {
    const r = await graph(sb, token, `/users/${ALEX}/directReports?$select=displayName`);
    expect(r.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#directoryObjects(displayName)');
    expect(r.body.value.every((u: Record<string, unknown>) => u['@odata.type'] === '#microsoft.graph.user')).toBe(true);
    expect(names(r)).toEqual(seedNames((u) => u.managerId === idOf(ALEX)));
    const count = await graph(sb, token, `/users/${idOf(ALEX)}/directReports/$count`, { headers: EVENTUAL });
    expect(count.text).toBe(String(seedNames((u) => u.managerId === idOf(ALEX)).length));
    expect((await graph(sb, token, '/me/directReports')).body.value.map((u: { displayName: string }) => u.displayName)).toEqual(['Ben Walters']);
  });

  it('$expand=manager inlines the manager, with nested $select and $levels', async () => {
    const one = await graph(sb, token, `/users/${idOf(ADELE)}?$select=displayName&$expand=manager($select=displayName,jobTitle)`);
    expect(one.body.manager).toEqual({ '@odata.type': '#microsoft.graph.user', displayName: 'Alex Wilber', jobTitle: 'VP of Sales' });
    const chain = await graph(sb, token, '/me?$select=id&$expand=manager($levels=max;$select=displayName)');
    expect(chain.body.manager.displayName).toBe('Alex Wilber');
    expect(chain.body.manager.manager.displayName).toBe('Patti Fernandez');
    expect(chain.body.manager.manager.manager).toBeUndefined();
    const list = await graph(sb, token, `${q("startswith(displayName,'Adele')")}&$expand=manager($select=id)`);
    expect(list.body.value[0].manager.id).toBe(idOf(ALEX));
    expect((await graph(sb, token, '/me?$expand=colleagues')).status).toBe(400);
  });
});

describe('$select of properties Graph has and the sandbox does not hold', () => {
  it('takes every property of the type (user, event), answering unset ones as Graph does; a name the type lacks is still refused', async () => {
    const t = await sb.graphAs(ADELE, 'User.Read.All Calendars.Read');
    const me = await graph(sb, t, '/me?$select=displayName,aboutMe,skills,employeeHireDate,SecurityIdentifier');
    expect(me.status, me.text).toBe(200);
    expect(me.body.displayName).toBe('Adele Vance');
    expect(me.body.employeeHireDate).toBeTruthy();
    for (const p of ['aboutMe', 'securityIdentifier']) expect(me.body[p], p).toBeNull();
    expect(me.body.skills).toEqual([]); // an unset collection is empty, as Graph answers it
    expect((await graph(sb, t, '/me?$select=displayName,favouriteColour')).status).toBe(400);
    const events = await graph(sb, t, '/me/events?$top=1&$select=subject,originalStart');
    expect(events.status, events.text).toBe(200);
    expect(events.body.value[0].subject).toBeTruthy();
  });
});
