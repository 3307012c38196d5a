// The demo tenant's organization record, as GET /organization serves it.

import { SANDBOX_TENANT_ID } from '../../contract.js';
import type { Organization } from '../directory.js';
import { COMPANY_NAME, TENANT_DOMAIN } from './users.js';

export const ORGANIZATION: Organization = {
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
