// The tasks group: To Do lists and tasks, and Planner plans and their tasks.
import listTools from './todo-list.js';
import saveTools from './todo-save.js';

export default [...listTools, ...saveTools];
