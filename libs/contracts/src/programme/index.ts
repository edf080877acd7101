export * from './programme-commands';
export * from './programme-vocabulary';
