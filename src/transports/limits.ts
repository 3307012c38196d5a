// The largest MCP message either transport accepts. The SDK's own defaults (10 MB on stdio, where a
// longer line is dropped without an answer, and 4 MB over HTTP) are below what a mail with a base64
// attachment legitimately needs; this bound still keeps one request from exhausting memory.
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
