// The tasks group: To Do lists and tasks, and Planner plans and their tasks.
import plannerListTools from './planner-list.js';
import plannerSaveTools from './planner-save.js';
import listTools from './todo-list.js';
import saveTools from './todo-save.js';

export default [...listTools, ...saveTools, ...plannerListTools, ...plannerSaveTools];
