// The chunked upload-session loop: a file sent through Graph's pre-authenticated upload URL a range at a time,
// from the offset Graph expects next, with progress. A chunk whose answer was lost (the connection broke, or
// Graph already had it: 416) is not guessed at: the session says which bytes it still expects, and the upload
// goes on from there. Mail attachments and drive items use it.
import type { GraphWriter } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import type { ToolContext } from '../define-tool.js';
import type { LocalFile } from './file-input.js';

/** Outlook's attachment sessions: a multiple of 320 KiB (Graph's rule) under Outlook's 4 MB per request. */
export const OUTLOOK_CHUNK = 10 * 320 * 1024;
/** OneDrive and SharePoint sessions: 10 MiB (320 KiB multiples; Microsoft advises 5-10 MiB, allows 60). */
export const DRIVE_CHUNK = 32 * 320 * 1024;
/** Times a session's state is asked after a failed chunk before the upload gives up. */
const RESUMES = 5;

/** Where this file sits in a larger transfer, for progress: bytes already done before it, and the total. */
export interface Progress {
  done: number;
  total: number;
}

type SessionState = { nextExpectedRanges?: string[]; NextExpectedRanges?: string[] };
const firstExpected = (ranges: string[] | undefined) => (ranges?.[0] ? Number(ranges[0].split('-')[0]) : undefined);

/** Sends the file through the upload session at `uploadUrl`; resolves with what Graph returned on completion. */
export async function uploadInChunks(
  graph: GraphWriter,
  uploadUrl: string,
  file: LocalFile,
  ctx: Pick<ToolContext<'write'>, 'signal' | 'progress'>,
  progress: Progress = { done: 0, total: file.size },
  chunkSize = OUTLOOK_CHUNK,
): Promise<unknown> {
  let offset = 0;
  let resumes = 0;
  for (;;) {
    const chunk = await file.read(offset, Math.min(chunkSize, file.size - offset));
    let r;
    try {
      r = await graph.uploadChunk(uploadUrl, chunk, offset, file.size, { signal: ctx.signal });
    } catch (e) {
      // A lost answer or a range Graph already has: ask the session where it stands, and go on from there.
      const resumable = e instanceof GraphError && (e.status === 416 || e.status >= 500) && e.status !== 499;
      if (!resumable || ++resumes > RESUMES) throw e;
      const state = await graph.getPreauthenticated<SessionState>(uploadUrl, { signal: ctx.signal });
      const next = firstExpected(state?.nextExpectedRanges ?? state?.NextExpectedRanges);
      if (next === undefined) throw e;
      offset = next;
      continue;
    }
    const next = firstExpected(r.nextExpectedRanges) ?? offset + chunk.length;
    await ctx.progress(progress.done + Math.min(next, file.size), progress.total, `uploading ${file.name}`);
    if (r.done || next >= file.size) return r.body;
    offset = next;
  }
}
