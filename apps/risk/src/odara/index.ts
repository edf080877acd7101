export * from './odara-items';
export * from './screening';
export * from './policies';
export * from './resolve-items';
export * from './eligibility';
export * from './immediate-danger';
export * from './score';
export * from './odara-form';
