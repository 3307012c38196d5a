// GET /organization: the tenant itself (name, verified domains, address). Any signed-in user may read it
// with User.Read, which is why clients use it to show "signed in to Contoso".

import { directoryDialect } from '../odata/dialect.js';
import type { EntityType, PropSpec } from '../odata/entity.js';
import { getEntity, listCollection } from '../odata/query.js';
import { resourceNotFound, type RouteDef } from '../graph/types.js';
import type { Organization } from './directory.js';

const typed = (type: PropSpec['type']): PropSpec => ({ type });

const PROPERTIES: Record<string, PropSpec> = {
  id: { type: 'string', filter: 'eq' },
  deletedDateTime: typed('datetime'),
  businessPhones: typed('string[]'),
  city: typed('string'),
  country: typed('string'),
  countryLetterCode: typed('string'),
  createdDateTime: typed('datetime'),
  displayName: typed('string'),
  postalCode: typed('string'),
  preferredLanguage: typed('string'),
  state: typed('string'),
  street: typed('string'),
  technicalNotificationMails: typed('string[]'),
  tenantType: typed('string'),
  verifiedDomains: typed('object[]'),
};

const organizationEntity: EntityType<Organization> = {
  name: 'microsoft.graph.organization',
  properties: PROPERTIES,
  defaultSelect: Object.keys(PROPERTIES),
  pageSize: { default: 100, max: 999 },
  dialect: directoryDialect,
};

const READ_ORGANIZATION = [
  'User.Read', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All',
];

export const organizationRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/organization',
    scopes: READ_ORGANIZATION,
    handler: (ctx) => listCollection(ctx, { entity: organizationEntity, items: [ctx.directory.organization], entitySet: 'organization' }),
  },
  {
    method: 'GET',
    path: '/organization/{id}',
    scopes: READ_ORGANIZATION,
    handler: (ctx) => {
      const organization = ctx.directory.organization;
      if (ctx.params.id.toLowerCase() !== organization.id) throw resourceNotFound(ctx.params.id);
      return getEntity(ctx, organizationEntity, organization, 'organization');
    },
  },
];
