// Sharing in the sandbox's drives over real HTTP: a link for specific people opens the item to its recipients, who
// find it in sharedWithMe and read it with a .All permission (never with Files.Read alone, as Graph documents); a
// folder's invitation reaches what is inside it, listed there as inherited and removable only at the folder; an
// expired grant opens nothing; a reader may not share; guests are refused by this tenant.
import { describe, expect, it } from 'vitest';
import { ADELE, graph, upn, useSandbox } from '../fixtures.js';
import { Csdl } from './csdl.js';

const sb = useSandbox();
const csdl = Csdl.load();
const RW = 'Files.ReadWrite';

async function adeleFolder(name: string) {
  const adele = await sb.graphAs(ADELE, RW);
  const folder = (await graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name, folder: {} } })).body;
  const file = (await graph(sb, adele, `/me/drive/items/${folder.id}:/inside.txt:/content`, { method: 'PUT', body: `inside ${name}`, headers: { 'Content-Type': 'text/plain' } })).body;
  return { adele, folder, file, driveId: folder.parentReference.driveId as string };
}

describe('sharing', () => {
  it('opens a link for specific people to its recipients only, with a .All permission', async () => {
    const { adele, file, driveId } = await adeleFolder('For Megan');
    const link = await graph(sb, adele, `/me/drive/items/${file.id}/createLink`, { method: 'POST', body: { Type: 'edit', Scope: 'users', Recipients: [{ email: upn('megan.bowen') }] } });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ roles: ['write'], link: { type: 'edit', scope: 'users' }, grantedToIdentitiesV2: [{ user: { displayName: 'Megan Bowen' } }] });
    expect(csdl.problems('microsoft.graph.permission', link.body)).toEqual([]);
    const megan = await sb.graphAs(upn('megan.bowen'), 'Files.ReadWrite.All');
    const shared = (await graph(sb, megan, '/me/drive/sharedWithMe')).body.value.find((i: any) => i.remoteItem?.id === file.id);
    expect(shared).toMatchObject({ name: 'inside.txt', remoteItem: { parentReference: { driveId } } });
    const edited = await graph(sb, megan, `/drives/${driveId}/items/${file.id}`, { method: 'PATCH', body: { name: 'inside (Megan).txt' } });
    expect(edited.body.name).toBe('inside (Megan).txt');
    expect(edited.body.lastModifiedBy.user.displayName).toBe('Megan Bowen');
    const narrow = await sb.graphAs(upn('megan.bowen'), 'Files.Read');
    expect((await graph(sb, narrow, `/drives/${driveId}/items/${file.id}`)).status).toBe(403);
    const ben = await sb.graphAs(upn('ben.walters'), 'Files.Read.All');
    expect((await graph(sb, ben, `/drives/${driveId}/items/${file.id}`)).status).toBe(404);
    expect((await graph(sb, ben, '/me/drive/sharedWithMe')).body.value.map((i: any) => i.remoteItem?.id)).not.toContain(file.id);
    const guest = await graph(sb, adele, `/me/drive/items/${file.id}/createLink`, { method: 'POST', body: { type: 'view', scope: 'users', recipients: [{ email: 'someone@fabrikam.example' }] } });
    expect(guest.body.error.code).toBe('invalidRequest');
  });

  it("reaches what is in a shared folder, shows the folder's grant as inherited, and removes it only at the folder", async () => {
    const { adele, folder, file, driveId } = await adeleFolder('Team folder');
    const invited = await graph(sb, adele, `/me/drive/items/${folder.id}/invite`, { method: 'POST', body: { recipients: [{ email: upn('ben.walters') }], roles: ['read'], sendInvitation: false } });
    const grant = invited.body.value[0];
    const ben = await sb.graphAs(upn('ben.walters'), 'Files.ReadWrite.All');
    expect((await graph(sb, ben, `/drives/${driveId}/items/${folder.id}:/inside.txt`)).body.id).toBe(file.id);
    expect((await graph(sb, ben, `/drives/${driveId}/items/${file.id}`, { method: 'DELETE' })).body.error.code).toBe('accessDenied');
    const perms = (await graph(sb, adele, `/me/drive/items/${file.id}/permissions`)).body.value;
    expect(perms.find((p: any) => p.id === grant.id)).toMatchObject({ roles: ['read'], inheritedFrom: { id: folder.id, driveId } });
    expect((await graph(sb, adele, `/me/drive/items/${file.id}/permissions/${grant.id}`, { method: 'DELETE' })).status).toBe(400);
    expect((await graph(sb, adele, `/me/drive/items/${folder.id}/permissions/${grant.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, ben, `/drives/${driveId}/items/${file.id}`)).status).toBe(404);
    expect((await graph(sb, adele, `/me/drive/items/${file.id}/permissions`)).body.value.map((p: any) => p.id)).toEqual(['owner']);
  });

  it('opens nothing with an expired grant, and lets no reader share', async () => {
    const { adele, file, driveId } = await adeleFolder('Expiring');
    const past = new Date(Date.now() - 60_000).toISOString();
    await graph(sb, adele, `/me/drive/items/${file.id}/invite`, { method: 'POST', body: { recipients: [{ email: upn('patti.fernandez') }], roles: ['write'], expirationDateTime: past } });
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Files.ReadWrite.All');
    expect((await graph(sb, patti, `/drives/${driveId}/items/${file.id}`)).status).toBe(404);
    await graph(sb, adele, `/me/drive/items/${file.id}/invite`, { method: 'POST', body: { recipients: [{ email: upn('patti.fernandez') }], roles: ['read'] } });
    expect((await graph(sb, patti, `/drives/${driveId}/items/${file.id}`)).status).toBe(200);
    const reshare = await graph(sb, patti, `/drives/${driveId}/items/${file.id}/invite`, { method: 'POST', body: { recipients: [{ email: upn('ben.walters') }], roles: ['read'] } });
    expect(reshare.body.error.code).toBe('accessDenied');
    expect((await graph(sb, adele, `/me/drive/items/${file.id}/permissions`)).body.value.filter((p: any) => p.grantedToV2?.user?.displayName === 'Ben Walters')).toEqual([]);
  });
});
