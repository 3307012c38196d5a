// The files group: OneDrive and SharePoint document libraries (the `drive` parameter of every tool).
import browseTools from './browse.js';
import organizeTools from './organize.js';
import readTools from './read.js';
import shareTools from './share.js';
import uploadTools from './upload.js';
import versionTools from './versions.js';

export default [...browseTools, ...readTools, ...uploadTools, ...organizeTools, ...shareTools, ...versionTools];
