import { parseSmsReceipt } from './sms-receipt';

const parse = (body: unknown) => parseSmsReceipt(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));

describe('SMS delivery receipt', () => {
  it('maps the gateway’s status words onto delivered and undelivered', () => {
    expect(parse({ messageId: 'sms-1', status: 'DELIVRD' })).toEqual({
      receipt: { messageId: 'sms-1', status: 'delivered', providerStatus: 'delivrd' },
    });
    expect(parse({ messageId: 'sms-1', status: 'delivered' })).toMatchObject({ receipt: { status: 'delivered' } });
    for (const word of ['UNDELIV', 'failed', 'REJECTD', 'expired']) {
      expect(parse({ messageId: 'sms-1', status: word })).toMatchObject({ receipt: { status: 'undelivered' } });
    }
  });

  it('refuses what is not a receipt', () => {
    expect(parse('not json')).toEqual({ problem: 'body must be JSON' });
    expect(parse([1])).toEqual({ problem: 'body must be a JSON object' });
    expect(parse({ status: 'delivered' })).toHaveProperty('problem');
    expect(parse({ messageId: 'a b', status: 'delivered' })).toHaveProperty('problem');
    expect(parse({ messageId: 'sms-1', status: 'read' })).toHaveProperty('problem');
  });
});
