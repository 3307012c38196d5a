// The teams group: my teams, channels and chats; reading them and catching up; taking part in them.
import { listTeams } from './list.js';
import { readTeams } from './read.js';
import { sendTeams } from './send.js';

export default [listTeams, readTeams, sendTeams];
