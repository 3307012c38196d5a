// Querying messages as Outlook answers it: $filter on flags, senders, dates, attachments, importance, categories
// and conversations; Exchange's InefficientFilter rule for $filter with $orderby; KQL $search (properties,
// phrases, languages) and its refusals of $filter, $orderby and $skip; $count; $top limits; and
// `Prefer: outlook.body-content-type="text"` with Preference-Applied.
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, graph, type GraphAs, upn, useSandbox } from '../fixtures.js';

const sb = useSandbox();
let adele: GraphAs;
let support: GraphAs;
beforeAll(async () => {
  adele = await sb.graphAs(upn('adele.vance'), 'Mail.Read Mail.Read.Shared');
  support = adele;
});

const q = (filter: string) => `$filter=${encodeURIComponent(filter)}`;
const subjects = async (path: string, token = adele) => (await allPages(sb, token, path)).map((m) => m.subject as string);

describe('$filter', () => {
  it('isRead, from, dates, attachments, importance, flags, categories', async () => {
    const unread = await allPages(sb, adele, `/me/mailFolders/inbox/messages?${q('isRead eq false')}&$select=subject,from,isRead`);
    expect(unread.map((m) => m.subject).sort()).toEqual(
      [
        '1:1 agenda for tomorrow',
        'All-hands: FY27 kickoff on Thursday, November 19',
        'PO #48213 confirmation - holiday display kits',
        'RE: Commande de Noël - confirmation des quantités',
        'RE: Q4 retail forecast - please review by Friday',
        'Store visit notes - Bellevue Square',
      ].sort(),
    );
    expect(await subjects(`/me/messages?${q(`from/emailAddress/address eq '${upn('alex.wilber')}'`)}&$select=subject`)).toEqual(
      expect.arrayContaining(['1:1 agenda for tomorrow', 'Q4 retail forecast - please review by Friday', 'Retail planning kickoff - notes']),
    );
    const week = await subjects(`/me/messages?${q(`receivedDateTime ge ${sb.mailDay(-7)}T00:00:00Z and receivedDateTime lt ${sb.mailDay(-4)}T00:00:00Z`)}&$select=subject`);
    expect(week).toHaveLength(8);
    const withFiles = await subjects(`/me/messages?${q('hasAttachments eq true')}&$select=subject`);
    expect(withFiles.sort()).toEqual(['Open enrollment for 2027 benefits starts today', 'PO #48213 confirmation - holiday display kits', 'Q4 retail forecast - please review by Friday', 'Store visit notes - Bellevue Square'].sort());
    expect(await subjects(`/me/messages?${q("importance eq 'high'")}&$select=subject`)).toEqual(
      expect.arrayContaining(['Q4 retail forecast - please review by Friday', 'Action required: set up multifactor authentication by November 30']),
    );
    expect(await subjects(`/me/messages?${q("flag/flagStatus eq 'flagged'")}&$select=subject`)).toEqual(['Q4 retail forecast - please review by Friday']);
    expect((await subjects(`/me/messages?${q("categories/any(c:c eq 'Fabrikam')")}&$select=subject`)).sort()).toEqual(
      ['Holiday display programme - kickoff', 'PO #48213 confirmation - holiday display kits'],
    );
    expect(await subjects(`/me/messages?${q(`toRecipients/any(r: r/emailAddress/address eq '${upn('megan.bowen')}')`)}&$select=subject`)).toEqual(['RE: Lunch on Thursday?']);
    expect(await subjects(`/me/messages?${q("startswith(subject,'RE: ')")}&$select=subject`)).toHaveLength(4);
  });

  it('conversationId finds the whole thread in the mailbox', async () => {
    const [first] = await allPages(sb, adele, `/me/messages?${q("subject eq 'Q4 retail forecast - please review by Friday'")}&$select=conversationId`);
    const thread = await subjects(`/me/messages?${q(`conversationId eq '${first.conversationId}'`)}&$select=subject`);
    expect(thread.sort()).toEqual(['Q4 retail forecast - please review by Friday', 'RE: Q4 retail forecast - please review by Friday', 'RE: Q4 retail forecast - please review by Friday']);
  });

  it('takes $orderby only when its properties open the $filter, else 400 InefficientFilter', async () => {
    const ok = await graph(sb, adele, `/me/messages?${q(`receivedDateTime ge ${sb.mailDay(-15)} and from/emailAddress/address eq 'alex.wilber@contoso.sandbox'`)}&$orderby=receivedDateTime desc`);
    expect(ok.status).toBe(200);
    const dates = ok.body.value.map((m: any) => m.receivedDateTime);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const [filter, orderby] of [
      ["from/emailAddress/address eq 'alex.wilber@contoso.sandbox'", 'receivedDateTime desc'],
      [`isRead eq false and receivedDateTime ge ${sb.mailDay(-15)}`, 'receivedDateTime desc'],
      [`receivedDateTime ge ${sb.mailDay(-15)} and hasAttachments eq true`, 'hasAttachments,receivedDateTime desc'],
    ]) {
      const r = await graph(sb, adele, `/me/messages?${q(filter)}&$orderby=${encodeURIComponent(orderby)}`);
      expect(r.status, filter).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'InefficientFilter', message: 'The restriction or sort order is too complex for this operation.' });
    }
    expect((await graph(sb, adele, `/me/messages?$orderby=subject`)).status).toBe(200);
  });

  it("answers OData's errors for unknown properties, wrong literals and unsupported functions", async () => {
    const unknown = await graph(sb, adele, `/me/messages?${q("colour eq 'red'")}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Could not find a property named 'colour' on type 'microsoft.graph.message'.");
    const typed = await graph(sb, adele, `/me/messages?${q("isRead eq 'no'")}`);
    expect(typed.status).toBe(400);
    expect(typed.body.error.message).toMatch(/incompatible types/);
    const fn = await graph(sb, adele, `/me/messages?${q("endswith(subject,'x')")}`);
    expect(fn.body.error.code).toBe('ErrorInvalidUrlQueryFilter');
    expect((await graph(sb, adele, '/me/messages?$top=1001')).status).toBe(400);
    expect((await graph(sb, adele, '/me/messages?$top=1000')).status).toBe(200);
  });
});

describe('$search', () => {
  it('finds words in subject, body and sender, and property restrictions', async () => {
    expect(await subjects('/me/messages?$search="forecast"&$select=subject')).toEqual(
      expect.arrayContaining(['Q4 retail forecast - please review by Friday', '1:1 agenda for tomorrow']),
    );
    expect((await subjects('/me/messages?$search="from:jordan"&$select=subject')).sort()).toEqual(
      ['Holiday display programme - kickoff', 'PO #48213 confirmation - holiday display kits'],
    );
    expect(await subjects('/me/messages?$search="subject:forecast AND hasattachments:true"&$select=subject')).toEqual(['Q4 retail forecast - please review by Friday']);
    expect(await subjects(`/me/messages?$search=${encodeURIComponent('"subject:\\"Bellevue Square\\""')}&$select=subject`)).toEqual(['Store visit notes - Bellevue Square']);
    expect(await subjects('/me/messages?$search="attachment:csv"&$select=subject')).toEqual(['PO #48213 confirmation - holiday display kits']);
    expect((await subjects(`/me/messages?$search="received>=${sb.mailDay(0)}"&$select=subject`)).sort()).toEqual(['1:1 agenda for tomorrow', 'Congratulations! You have won a USD 500 gift card']);
  });

  it('searches text in other languages and scripts', async () => {
    expect(await subjects(`/users/${upn('support')}/messages?$search=${encodeURIComponent('"Rechnung"')}&$select=subject`, support)).toEqual(['Rechnung fehlt für Bestellung 10377']);
    expect(await subjects(`/me/messages?$search=${encodeURIComponent('"commande"')}&$select=subject`)).toHaveLength(2);
    expect(await subjects(`/users/${upn('support')}/messages?$search=${encodeURIComponent('"politique de retour"')}&$select=subject`, support)).toEqual(['Question sur la politique de retour']);
    const yuki = await sb.graphAs(upn('yuki.sato'), 'Mail.Read');
    expect(await subjects(`/me/messages?$search=${encodeURIComponent('"移転"')}&$select=subject`, yuki)).toHaveLength(2);
    const raj = await sb.graphAs(upn('raj.patel'), 'Mail.Read');
    expect((await subjects(`/me/messages?$search=${encodeURIComponent('"दिवाली"')}&$select=subject`, raj)).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses $filter, $orderby and $skip alongside $search, and pages with $skiptoken', async () => {
    const f = await graph(sb, adele, `/me/messages?$search="forecast"&${q('isRead eq true')}`);
    expect(f.body.error.code).toBe('SearchWithFilter');
    const o = await graph(sb, adele, '/me/messages?$search="forecast"&$orderby=receivedDateTime desc');
    expect(o.body.error).toMatchObject({ code: 'SearchWithOrderBy', message: "The query parameter '$orderBy' is not supported with '$search'." });
    expect((await graph(sb, adele, '/me/messages?$search="forecast"&$skip=2')).status).toBe(400);
    const page = await graph(sb, adele, '/me/messages?$search="contoso"&$top=2&$select=subject');
    expect(page.body['@odata.nextLink']).toMatch(/\$skiptoken=/);
    const rest = await allPages(sb, adele, page.body['@odata.nextLink']);
    expect(rest.length).toBeGreaterThan(0);
  });
});

describe('$count and body preferences', () => {
  it('counts with $count=true and /$count', async () => {
    const r = await graph(sb, adele, `/me/mailFolders/inbox/messages?$count=true&${q('isRead eq false')}&$top=1`);
    expect(r.body['@odata.count']).toBe(6);
    const text = await graph(sb, adele, `/me/mailFolders/inbox/messages/$count?${q('isRead eq false')}`);
    expect(text.text).toBe('6');
    const inbox = await graph(sb, adele, '/me/mailFolders/inbox');
    expect(inbox.body.unreadItemCount).toBe(6);
  });

  it('converts HTML bodies to text on request and says so in Preference-Applied', async () => {
    const [m] = await allPages(sb, adele, `/me/messages?${q("subject eq 'Open enrollment for 2027 benefits starts today'")}&$select=id`);
    const html = await graph(sb, adele, `/me/messages/${m.id}?$select=body`);
    expect(html.body.body.contentType).toBe('html');
    expect(html.headers.get('preference-applied')).toBeNull();
    const text = await graph(sb, adele, `/me/messages/${m.id}?$select=body,uniqueBody`, { headers: { Prefer: 'outlook.body-content-type="text"' } });
    expect(text.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
    expect(text.body.body.contentType).toBe('text');
    expect(text.body.body.content).not.toMatch(/<\/?(p|div|table|td|tr|br|b|a)\b/i);
    expect(text.body.body.content).toContain('Premier\tUSD 90\tMedical, dental, vision');
    expect(text.body.body.content).toContain('benefits portal<https://benefits.contoso.sandbox/enroll>');
    const list = await graph(sb, adele, '/me/messages?$top=3&$select=body', { headers: { Prefer: 'outlook.body-content-type="text"' } });
    for (const x of list.body.value) expect(x.body.contentType).toBe('text');
  });
});
