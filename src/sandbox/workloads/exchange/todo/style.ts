// How To Do answers for its tasks through the collection engine: Outlook's style (outlook-style.ts), except that a
// task is rendered for the request first, its date-times in the zone of `Prefer: outlook.timezone` (confirmed in
// Preference-Applied), and lists honour `Prefer: odata.maxpagesize`.

import type { CollectionStyle } from '../../../odata/collection.js';
import { readOptions } from '../../../odata/options.js';
import { parseSelect } from '../../../odata/select.js';
import type { RouteContext } from '../../../graph/types.js';
import { listOutlook, projectOutlook } from '../outlook-query.js';
import { bodyRead, itemNotFound } from '../errors.js';
import { changeKeyConflict } from '../outlook-style.js';
import { preferenceApplied, readPreferences } from '../time/prefer.js';
import { TASK_PATHS, taskEntity } from './entity.js';
import type { StoredTask } from './model.js';
import { renderTask, type RenderedTask } from './task-json.js';

const src = { entity: taskEntity, etag: (r: RenderedTask) => r.etag, id: (r: RenderedTask) => r.id };

export function taskStyle(): CollectionStyle<StoredTask> {
  return {
    list: (ctx, items, context) => {
      const prefs = readPreferences(ctx.req);
      return listOutlook(ctx, {
        ...src,
        paths: TASK_PATHS,
        items: items.map((t) => renderTask(t, prefs.zone)),
        context,
        pageSizeOverride: prefs.maxPageSize,
        headers: preferenceApplied(prefs, { zone: true, body: false, pageSize: true }),
      });
    },
    show: (ctx: RouteContext, item) => projectOutlook(src, renderTask(item, readPreferences(ctx.req).zone), parseSelect(readOptions(ctx.req).get('$select'), taskEntity)),
    headers: (ctx) => preferenceApplied(readPreferences(ctx.req), { zone: true, body: false }),
    notFound: itemNotFound,
    stale: changeKeyConflict,
    badBody: bodyRead,
  };
}
