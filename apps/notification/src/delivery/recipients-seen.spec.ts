import { RecipientsSeen } from './recipients-seen';

describe('recipients seen with a channel to send through', () => {
  it('guesses that a recipient never seen needs no send, and then what its last intent needed', () => {
    const seen = new RecipientsSeen(true);
    expect(seen.mayNeedSends('centre:naryn')).toBe(false);
    seen.seen('centre:naryn', true);
    expect(seen.mayNeedSends('centre:naryn')).toBe(true);
    seen.seen('centre:naryn', false);
    expect(seen.mayNeedSends('centre:naryn')).toBe(false);
    expect(seen.mayNeedSends('coordinators')).toBe(false);
  });

  it('never expects a send where no provider is configured', () => {
    const seen = new RecipientsSeen(false);
    seen.seen('centre:naryn', true);
    expect(seen.mayNeedSends('centre:naryn')).toBe(false);
  });

  it('forgets the recipient seen longest ago once it remembers ten thousand', () => {
    const seen = new RecipientsSeen(true);
    for (let i = 0; i <= 10_000; i++) seen.seen(`centre:${i}`, true);
    expect(seen.mayNeedSends('centre:0')).toBe(false);
    expect(seen.mayNeedSends('centre:1')).toBe(true);
    expect(seen.mayNeedSends('centre:10000')).toBe(true);
  });
});
