// microsoft.graph.user as the directory serves it: the properties the seed holds (plus a few it answers as
// null, as a cloud-only tenant does), which of them $filter takes by default and which only in advanced
// queries, what $orderby and $search accept. Capabilities follow the user resource's documentation.

import type { DirectoryUser } from './directory.js';
import { directoryDialect } from '../odata/dialect.js';
import { directorySearch } from './search.js';
import type { EntityType, PropSpec } from '../odata/entity.js';

// Most string properties of a user filter like this; ne/not/endsWith and null comparisons need advanced queries.
const STRING: PropSpec = { type: 'string', filter: 'eq in startsWith ge le', advancedFilter: 'ne not null endsWith' };
const ADVANCED_STRING: PropSpec = { type: 'string', advancedFilter: 'eq ne not ge le in startsWith null endsWith' };
const STRING_LIST: PropSpec = { type: 'string[]', filter: 'any eq startsWith', advancedFilter: 'not endsWith' };
const NULL_STRING: PropSpec = { type: 'string' };
const NULL_DATE: PropSpec = { type: 'datetime' };
const NULL_BOOL: PropSpec = { type: 'boolean' };

const HELD: Record<string, PropSpec> = {
  id: { type: 'string', filter: 'eq in', advancedFilter: 'ne not' },
  accountEnabled: { type: 'boolean', filter: 'eq in', advancedFilter: 'ne not' },
  businessPhones: { type: 'string[]', advancedFilter: 'any eq startsWith not' },
  city: STRING,
  companyName: ADVANCED_STRING,
  country: STRING,
  createdDateTime: { type: 'datetime', filter: 'eq ge le in', advancedFilter: 'ne not null', orderby: 'advanced' },
  department: STRING,
  displayName: { ...STRING, orderby: 'default', search: true },
  employeeHireDate: { type: 'datetime', filter: 'eq ge le in', advancedFilter: 'ne not null', orderby: 'advanced' },
  employeeId: STRING,
  employeeType: STRING,
  givenName: { ...STRING, search: true },
  imAddresses: STRING_LIST,
  jobTitle: STRING,
  mail: { ...STRING, search: true },
  mailNickname: { ...STRING, search: true },
  mobilePhone: STRING,
  officeLocation: ADVANCED_STRING,
  otherMails: STRING_LIST,
  postalCode: STRING,
  preferredLanguage: { type: 'string', filter: 'eq', advancedFilter: 'ne not ge le in startsWith null' },
  proxyAddresses: STRING_LIST,
  showInAddressList: { type: 'boolean', advancedFilter: 'eq ne not' },
  state: STRING,
  streetAddress: ADVANCED_STRING,
  surname: { ...STRING, search: true },
  usageLocation: STRING,
  userPrincipalName: { ...STRING, orderby: 'default', search: true },
  userType: { type: 'string', filter: 'eq in', advancedFilter: 'ne not null' },
};

// Real properties a cloud-only account without these features has as null: selectable, so clients that ask
// for them get Graph's answer rather than an error the real service would never give.
const ALWAYS_NULL: Record<string, PropSpec> = {
  deletedDateTime: NULL_DATE,
  ageGroup: NULL_STRING,
  consentProvidedForMinor: NULL_STRING,
  legalAgeGroupClassification: NULL_STRING,
  creationType: NULL_STRING,
  externalUserState: NULL_STRING,
  externalUserStateChangeDateTime: NULL_DATE,
  faxNumber: NULL_STRING,
  employeeLeaveDateTime: NULL_DATE,
  isResourceAccount: NULL_BOOL,
  onPremisesDistinguishedName: NULL_STRING,
  onPremisesDomainName: NULL_STRING,
  onPremisesImmutableId: NULL_STRING,
  onPremisesLastSyncDateTime: NULL_DATE,
  onPremisesSamAccountName: { type: 'string', advancedFilter: 'eq ne not ge le in startsWith null' },
  onPremisesSecurityIdentifier: NULL_STRING,
  onPremisesSyncEnabled: { type: 'boolean', filter: 'eq', advancedFilter: 'ne not null' },
  onPremisesUserPrincipalName: NULL_STRING,
  passwordPolicies: NULL_STRING,
  preferredDataLocation: NULL_STRING,
};

/** Graph v1.0's default property set of a user, in the order Graph writes it. */
export const USER_DEFAULT_SELECT = [
  'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation',
  'preferredLanguage', 'surname', 'userPrincipalName', 'id',
] as const;

export const USER_ODATA_TYPE = '#microsoft.graph.user';

export function userEntity(manager: (u: DirectoryUser) => DirectoryUser | undefined, reports: (u: DirectoryUser) => DirectoryUser[]): EntityType<DirectoryUser> {
  const entity: EntityType<DirectoryUser> = {
    name: 'microsoft.graph.user',
    properties: { ...HELD, ...ALWAYS_NULL },
    defaultSelect: USER_DEFAULT_SELECT,
    // Only declared properties are ever read, so the seed's own fields (managerId, timeZone) never leak out.
    get: (u, prop) => (prop in HELD ? (u as unknown as Record<string, unknown>)[prop] : null),
    pageSize: { default: 100, max: 999 },
    dialect: directoryDialect,
    search: directorySearch,
  };
  entity.navigation = {
    manager: { target: entity, many: false, recursive: true, odataType: USER_ODATA_TYPE, resolve: (u) => manager(u) },
    directReports: { target: entity, many: true, odataType: USER_ODATA_TYPE, resolve: (u) => reports(u) },
  };
  return entity;
}
