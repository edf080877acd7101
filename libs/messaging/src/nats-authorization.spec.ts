import { MessagingParticipant, SERVICE_MESSAGING } from '@korgoo/contracts';
import { servicePermissions } from './nats-authorization';

const services = Object.keys(SERVICE_MESSAGING) as MessagingParticipant[];

describe('servicePermissions', () => {
  it('lets a service publish its own events and no one else\'s', () => {
    const risk = servicePermissions('risk', 'korgoo');
    expect(risk.publish).toContain('korgoo.risk.>');
    expect(risk.publish.filter((subject) => /^korgoo\.(order|referral|notification|programme)\./.test(subject))).toEqual([]);
  });

  it('pins each durable consumer to its service, its stream and its one event', () => {
    expect(servicePermissions('risk', 'korgoo').publish).toContain(
      '$JS.API.CONSUMER.CREATE.KORGOO_ORDERS.risk_order_registered_v1.korgoo.order.registered.v1',
    );
    // On the orders stream notification keeps only the registration (order number and unit, for notices),
    // the withdrawal (which closes the case, so its delivery records' retention runs) and the unit given to
    // an order registered before police units.
    const onOrders = servicePermissions('notification', 'korgoo').publish.filter((subject) => subject.includes('CONSUMER') && subject.includes('KORGOO_ORDERS'));
    expect(onOrders).toEqual([
      '$JS.API.CONSUMER.CREATE.KORGOO_ORDERS.notification_order_registered_v1.korgoo.order.registered.v1',
      '$JS.API.CONSUMER.INFO.KORGOO_ORDERS.notification_order_registered_v1',
      '$JS.API.CONSUMER.MSG.NEXT.KORGOO_ORDERS.notification_order_registered_v1',
      '$JS.API.CONSUMER.CREATE.KORGOO_ORDERS.notification_order_withdrawn_v1.korgoo.order.withdrawn.v1',
      '$JS.API.CONSUMER.INFO.KORGOO_ORDERS.notification_order_withdrawn_v1',
      '$JS.API.CONSUMER.MSG.NEXT.KORGOO_ORDERS.notification_order_withdrawn_v1',
      '$JS.API.CONSUMER.CREATE.KORGOO_ORDERS.notification_order_unit_assigned_v1.korgoo.order.unit_assigned.v1',
      '$JS.API.CONSUMER.INFO.KORGOO_ORDERS.notification_order_unit_assigned_v1',
      '$JS.API.CONSUMER.MSG.NEXT.KORGOO_ORDERS.notification_order_unit_assigned_v1',
    ]);
  });

  it.each(services)('keeps %s to its own inbox, its own requests and no wildcard beyond its namespace', (service) => {
    const { publish, subscribe } = servicePermissions(service, 'korgoo');
    expect(subscribe).toContain(`_INBOX_${service}.>`);
    expect([...publish, ...subscribe].filter((subject) => subject.startsWith('_INBOX') && !subject.startsWith(`_INBOX_${service}.`))).toEqual([]);
    expect([...publish, ...subscribe].filter((subject) => subject === '>' || subject.startsWith('$JS.API.>'))).toEqual([]);
    expect(subscribe.filter((subject) => /^korgoo\.(query|command)\.[a-z]/.test(subject) && !subject.includes(service))).toEqual([]);
  });

  it('lets only the gateway and programme send commands to matching', () => {
    const senders = services.filter((service) => servicePermissions(service, 'korgoo').publish.includes('korgoo.command.matching.>'));
    expect(senders).toEqual(['gateway', 'programme']);
  });

  it('lets only reporting read its history stream, and every service keep that stream in shape', () => {
    const opensConsumers = (service: MessagingParticipant) =>
      servicePermissions(service, 'korgoo').publish.some((subject) => subject.startsWith('$JS.API.CONSUMER.CREATE.KORGOO_REPORTING_HISTORY'));
    const readers = services.filter(opensConsumers);
    expect(readers).toEqual(['reporting']);
    for (const service of services) expect(servicePermissions(service, 'korgoo').publish).toContain('$JS.API.STREAM.UPDATE.KORGOO_REPORTING_HISTORY');
  });
});
