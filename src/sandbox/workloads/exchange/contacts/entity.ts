// How the OData machinery sees contacts and contact folders (the properties Exchange filters and sorts on); the
// collection engine shows them in Outlook's style (../outlook-style.ts).

import type { EntityType, PropSpec } from '../../../odata/entity.js';
import { outlookDialect } from '../outlook-query.js';
import type { StoredContact, StoredContactFolder } from './model.js';

const text = (orderby = true): PropSpec => ({ type: 'string', filter: 'eq ne startsWith', ...(orderby ? { orderby: 'default' as const } : {}) });
const plain: PropSpec = { type: 'string' };
const list: PropSpec = { type: 'string[]' };
const stampProps: Record<string, PropSpec> = {
  id: { type: 'string', filter: 'eq' },
  changeKey: plain,
  createdDateTime: { type: 'datetime', filter: 'eq ne gt ge lt le', orderby: 'default' },
  lastModifiedDateTime: { type: 'datetime', filter: 'eq ne gt ge lt le', orderby: 'default' },
};

export const contactEntity: EntityType<StoredContact> = {
  name: 'microsoft.graph.contact',
  properties: {
    ...stampProps,
    parentFolderId: { type: 'string', filter: 'eq' },
    givenName: text(),
    surname: text(),
    displayName: text(),
    companyName: text(),
    jobTitle: text(),
    department: text(),
    emailAddresses: { type: 'object[]', filter: 'any eq' },
    businessPhones: list,
    mobilePhone: plain,
    categories: { type: 'string[]', filter: 'any eq' },
    personalNotes: plain,
  },
  defaultSelect: ['createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'parentFolderId', 'displayName', 'givenName', 'surname', 'companyName', 'jobTitle', 'department', 'emailAddresses', 'businessPhones', 'mobilePhone', 'personalNotes'],
  pageSize: { default: 10, max: 1000 },
  dialect: outlookDialect,
};

export const contactFolderEntity: EntityType<StoredContactFolder> = {
  name: 'microsoft.graph.contactFolder',
  properties: { id: { type: 'string', filter: 'eq' }, displayName: text(), parentFolderId: { type: 'string', filter: 'eq' } },
  defaultSelect: ['displayName', 'parentFolderId'],
  pageSize: { default: 10, max: 1000 },
  dialect: outlookDialect,
};
