import type { ExecutionContext } from '@nestjs/common';
import { throttleKey } from './edge-hardening';

class OrdersController {
  register() {}
  list() {}
}

const route = (handler: () => void) => ({ getClass: () => OrdersController, getHandler: () => handler }) as unknown as ExecutionContext;

describe('the throttle counter a request adds to', () => {
  const register = route(OrdersController.prototype.register);

  it('is one per route, throttler and client address', () => {
    const keys = [
      throttleKey(register, '10.0.0.1', 'write'),
      throttleKey(register, '10.0.0.2', 'write'),
      throttleKey(register, '10.0.0.1', 'read'),
      throttleKey(route(OrdersController.prototype.list), '10.0.0.1', 'write'),
    ];
    expect(new Set(keys).size).toBe(4);
    expect(throttleKey(register, '10.0.0.1', 'write')).toBe(keys[0]);
    expect(throttleKey(register, '2001:db8:85a3::8a2e:370:7334', 'write')).toBe('OrdersController-register-write-2001:db8:85a3::8a2e:370:7334');
  });

  it('stays short whatever a forged forwarding header puts where the address belongs', () => {
    const forged = 'x'.repeat(8000);
    expect(throttleKey(register, forged, 'write')).toMatch(/^[0-9a-f]{64}$/);
    expect(throttleKey(register, `${forged}y`, 'write')).not.toBe(throttleKey(register, forged, 'write'));
  });
});
