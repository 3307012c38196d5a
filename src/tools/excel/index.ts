// The Excel group: workbooks in any drive the files group reaches, read and changed through Graph's workbook API.
import readTools from './read.js';
import writeTools from './write.js';

export default [...readTools, ...writeTools];
