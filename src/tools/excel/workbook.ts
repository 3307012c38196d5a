// Which workbook an Excel tool works on: a file by path or id in any drive the files group reaches (the same
// `drive` "whose data" parameter), and Graph's workbook path below it. Graph's workbook API asks for write
// permission even to read, so a workbook outside your OneDrive needs the deployment's site writes.
import { ToolError } from '../define-tool.js';
import type { OwnerParam } from '../owner.js';
import { DRIVE, itemPath } from '../drives.js';

export const WORKBOOK: OwnerParam<'drive'> = {
  ...DRIVE,
  group: 'excel',
  resolve: async (who, ctx, tool) => {
    const owner = await DRIVE.resolve!(who, ctx, { ...tool, kind: 'read' });
    if (owner.other && !ctx.siteWrites) {
      throw new ToolError(`Excel's workbook API needs write permission even to read, and workbooks in ${owner.label} need Files.ReadWrite.All: start the server in organization mode with MS365_MCP_SITE_WRITES=true (--site-writes), an admin grants it, then sign in again. Without it, files_read reads the workbook as text.`);
    }
    return owner;
  },
};

/** Graph's path of the workbook of an item, e.g. /me/drive/root:/Budget.xlsx:/workbook. */
export const workbookPath = (root: string, item: string) => `${itemPath(root, item)}/workbook`;
