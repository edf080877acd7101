import { PreparedStatementNames } from './prepared-statements';

describe('PreparedStatementNames', () => {
  it('names a text from its second use on, always by the same name', () => {
    const names = new PreparedStatementNames();
    expect(names.nameFor('SELECT 1 WHERE $1')).toBeUndefined();
    const name = names.nameFor('SELECT 1 WHERE $1');
    expect(name).toMatch(/^korgoo_\d+$/);
    expect(names.nameFor('SELECT 1 WHERE $1')).toBe(name);
  });

  it('names at most `limit` texts, and watches at most `watched` before their second use', () => {
    const names = new PreparedStatementNames(2, 3);
    for (const text of ['a', 'b', 'c', 'd']) names.nameFor(text);
    expect(['a', 'b', 'c', 'd'].map((text) => names.nameFor(text))).toEqual(['korgoo_1', 'korgoo_2', undefined, undefined]);
    expect(names.nameFor('d')).toBeUndefined();
  });

  it('sends a forgotten text unnamed for good and never gives its name to another', () => {
    const names = new PreparedStatementNames();
    for (const text of ['a', 'a', 'b', 'b']) names.nameFor(text);
    names.forget('a');
    expect(names.nameFor('a')).toBeUndefined();
    expect(names.nameFor('a')).toBeUndefined();
    names.nameFor('c');
    expect(names.nameFor('c')).toBe('korgoo_3');
    expect(names.nameFor('b')).toBe('korgoo_2');
  });
});
