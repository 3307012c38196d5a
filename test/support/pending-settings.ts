// Settings that issue 16's other branches add to config.ts (Redis and its secrets, the shutdown bound), named by
// the deployment files before those branches land: a check of the files' variable names accepts these as well
// as ENV_VARS, so that a typo in any other name still fails. Remove each once config.ts reads it.
export const PENDING_SETTINGS = ['MS365_MCP_SHUTDOWN_GRACE_SECONDS'];
