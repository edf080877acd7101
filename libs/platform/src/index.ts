export * from './bootstrap';
export * from './database';
export * from './korgoo-platform.module';
export * from './logger';
export * from './metrics';
export * from './platform.constants';
export * from './service-health';
export * from './test-clock';
