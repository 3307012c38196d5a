// The onenote group: your notebooks, sections and pages; pages read as text and made from Markdown.
import createPage from './create-page.js';
import createSection from './create-section.js';
import list from './list.js';
import read from './read.js';

export default [...list, ...read, ...createPage, ...createSection];
