import { dirname } from 'node:path';

export interface PathOwner {
  mode: number;
  uid: number;
  gid: number;
}

/** Who wants to enter: the uid and the groups of the `postgres` user. */
export interface Visitor {
  uid: number;
  gids: number[];
}

const SEARCH = { owner: 0o100, group: 0o010, others: 0o001 };

/**
 * The first folder on the way to `path` (itself included) that `visitor` may not enter, or null when every
 * folder lets it through. Entering a folder needs its search (x) bit for the visitor's class: owner, group or
 * others. A project cloned under /root (0700) is closed to the postgres user this way.
 */
export function closedFolder(path: string, visitor: Visitor, stat: (folder: string) => PathOwner): string | null {
  const folders: string[] = [];
  for (let folder = path; ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const { mode, uid, gid } = stat(folder);
    const bit = uid === visitor.uid ? SEARCH.owner : visitor.gids.includes(gid) ? SEARCH.group : SEARCH.others;
    if ((mode & bit) === 0) return folder;
  }
  return null;
}
