export const KORGOO_CONFIG = Symbol('KORGOO_CONFIG');
export const SERVICE_LOG = Symbol('SERVICE_LOG');
export const MESSAGING = Symbol('MESSAGING');
