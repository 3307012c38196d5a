// The documents group (the EXCEL_POWERPOINT toggle with Excel): presentations and Word documents made from an
// outline or Markdown, and PDFs of Office files. Reading them as text is the files group's files_read.
import convertTools from './convert.js';
import presentationTools from './presentation.js';
import wordTools from './word.js';

export default [...presentationTools, ...wordTools, ...convertTools];
