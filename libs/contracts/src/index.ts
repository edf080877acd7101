export * from './contract-violation';
export * from './envelope';
export * from './events';
export * from './participant';
export * from './queries';
export * from './screening';
export * from './subjects';
