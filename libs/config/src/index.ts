export * from './korgoo-config';
export * from './secret-strength';
