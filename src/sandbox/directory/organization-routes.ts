// GET /organization: the tenant itself (name, verified domains, address). Any signed-in user may read it
// with User.Read, which is why clients use it to show "signed in to Contoso".

import { SANDBOX_TENANT_ID } from '../contract.js';
import { COMPANY_NAME, TENANT_DOMAIN } from '../seed/index.js';
import { directoryDialect } from '../odata/dialect.js';
import type { EntityType, PropSpec } from '../odata/entity.js';
import { getEntity, listCollection } from '../odata/query.js';
import { resourceNotFound, type GraphModule } from '../graph/types.js';

const ORGANIZATION = {
  id: SANDBOX_TENANT_ID,
  deletedDateTime: null,
  businessPhones: ['+1 425 555 0100'],
  city: 'Redmond',
  country: null,
  countryLetterCode: 'US',
  createdDateTime: '2012-01-23T08:00:00Z',
  displayName: COMPANY_NAME,
  postalCode: '98052',
  preferredLanguage: 'en',
  state: 'WA',
  street: '1 Contoso Way',
  technicalNotificationMails: [`admin@${TENANT_DOMAIN}`],
  tenantType: 'AAD',
  verifiedDomains: [
    { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: true, isInitial: false, name: TENANT_DOMAIN, type: 'Managed' },
    { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: false, isInitial: true, name: 'contoso.onmicrosoft.com', type: 'Managed' },
  ],
};

const typed = (type: PropSpec['type']): PropSpec => ({ type });

const organizationEntity: EntityType<typeof ORGANIZATION> = {
  name: 'microsoft.graph.organization',
  properties: {
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
  },
  defaultSelect: Object.keys(ORGANIZATION),
  pageSize: { default: 100, max: 999 },
  dialect: directoryDialect,
};

const READ_ORGANIZATION = [
  'User.Read', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All',
];

export const organizationModule: GraphModule = {
  name: 'organization',
  routes: [
    {
      method: 'GET',
      path: '/organization',
      scopes: READ_ORGANIZATION,
      handler: (ctx) => listCollection(ctx, { entity: organizationEntity, items: [ORGANIZATION], entitySet: 'organization' }),
    },
    {
      method: 'GET',
      path: '/organization/{id}',
      scopes: READ_ORGANIZATION,
      handler: (ctx) => {
        if (ctx.params.id.toLowerCase() !== ORGANIZATION.id) throw resourceNotFound(ctx.params.id);
        return getEntity(ctx, organizationEntity, ORGANIZATION, 'organization');
      },
    },
  ],
};
