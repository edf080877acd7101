import { unixSocketOf } from './database';

describe('the Unix socket of a database URL', () => {
  it('is the directory a `host` parameter names', () => {
    expect(unixSocketOf('postgres://korgoo@localhost/korgoo?host=/var/run/postgresql')).toEqual({ host: '/var/run/postgresql' });
    expect(unixSocketOf('postgres://korgoo:secret@localhost:5432/korgoo?sslmode=disable&host=%2Ftmp')).toEqual({ host: '/tmp' });
  });

  it('is none for a URL without one, or whose `host` parameter is a host name', () => {
    expect(unixSocketOf('postgres://korgoo@127.0.0.1:5432/korgoo')).toEqual({});
    expect(unixSocketOf('postgres://korgoo@localhost/korgoo?host=db.internal')).toEqual({});
  });
});
