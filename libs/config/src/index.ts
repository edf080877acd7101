export * from './korgoo-config';
