// The chunked upload-session loop: a file sent through Graph's pre-authenticated upload URL a range at a time,
// from the offset Graph expects next, with progress. Mail attachments use it now; drive items will too.
import type { GraphWriter } from '../../graph/client.js';
import type { ToolContext } from '../define-tool.js';
import type { LocalFile } from './file-input.js';

/** Upload chunks: a multiple of 320 KiB (Graph's rule) and under Outlook's 4 MB per request. */
const CHUNK = 10 * 320 * 1024;

/** Where this file sits in a larger transfer, for progress: bytes already done before it, and the total. */
export interface Progress {
  done: number;
  total: number;
}

/** Sends the file through the upload session at `uploadUrl`; resolves with what Graph returned on completion. */
export async function uploadInChunks(
  graph: GraphWriter,
  uploadUrl: string,
  file: LocalFile,
  ctx: Pick<ToolContext<'write'>, 'signal' | 'progress'>,
  progress: Progress = { done: 0, total: file.size },
): Promise<unknown> {
  let offset = 0;
  for (;;) {
    const chunk = await file.read(offset, Math.min(CHUNK, file.size - offset));
    const r = await graph.uploadChunk(uploadUrl, chunk, offset, file.size, { signal: ctx.signal });
    const next = r.nextExpectedRanges?.[0] ? Number(r.nextExpectedRanges[0].split('-')[0]) : offset + chunk.length;
    await ctx.progress(progress.done + Math.min(next, file.size), progress.total, `uploading ${file.name}`);
    if (r.done || next >= file.size) return r.body;
    offset = next;
  }
}
