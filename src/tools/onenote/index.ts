// The onenote group: your notebooks, sections and pages; pages read as text and made from Markdown. Changing or
// deleting an existing page needs Notes.ReadWrite, beyond the deployment guide's Notes.Read and Notes.Create, so
// these tools make pages and sections but never change one.
import createPage from './create-page.js';
import createSection from './create-section.js';
import list from './list.js';
import read from './read.js';

export default [...list, ...read, ...createPage, ...createSection];
