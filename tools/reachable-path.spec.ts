import { closedFolder, PathOwner } from './reachable-path';

const ROOT = 0;
const POSTGRES = { uid: 101, gids: [104] };

function tree(modes: Record<string, Partial<PathOwner> & { mode: number }>) {
  return (folder: string): PathOwner => ({ uid: ROOT, gid: ROOT, ...modes[folder] });
}

describe('whether the postgres user can reach a folder', () => {
  it('finds the 0700 home folder a project was cloned into', () => {
    const stat = tree({ '/': { mode: 0o755 }, '/root': { mode: 0o700 }, '/root/korgoo': { mode: 0o755 }, '/root/korgoo/node_modules': { mode: 0o755 } });
    expect(closedFolder('/root/korgoo/node_modules', POSTGRES, stat)).toBe('/root');
  });

  it('lets it through folders open to others', () => {
    const stat = tree({ '/': { mode: 0o755 }, '/tmp': { mode: 0o1777 }, '/tmp/korgoo': { mode: 0o755 } });
    expect(closedFolder('/tmp/korgoo', POSTGRES, stat)).toBeNull();
  });

  it('lets it into its own folder and its group’s, and not into a folder closed to its group', () => {
    const own = tree({ '/': { mode: 0o755 }, '/var': { mode: 0o755 }, '/var/pg': { mode: 0o700, uid: 101 } });
    expect(closedFolder('/var/pg', POSTGRES, own)).toBeNull();
    const group = tree({ '/': { mode: 0o755 }, '/srv': { mode: 0o750, gid: 104 } });
    expect(closedFolder('/srv', POSTGRES, group)).toBeNull();
    const closedToGroup = tree({ '/': { mode: 0o755 }, '/srv': { mode: 0o705, gid: 104 } });
    expect(closedFolder('/srv', POSTGRES, closedToGroup)).toBe('/srv');
  });
});
