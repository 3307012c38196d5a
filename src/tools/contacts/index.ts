// The contacts group: your Outlook contacts and contact folders.
import findTools from './find.js';
import saveTools from './save.js';

export default [...findTools, ...saveTools];
