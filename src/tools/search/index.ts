// The search group: one search across mail, chats, events, files and SharePoint, and the people you work with.
import peopleTools from './people.js';
import queryTools from './query.js';

export default [...queryTools, ...peopleTools];
