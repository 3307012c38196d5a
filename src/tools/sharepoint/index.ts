// The SharePoint group (organization mode): sites, their libraries and lists, and list items.
import listTools from './lists.js';
import siteTools from './sites.js';

export default [...siteTools, ...listTools];
