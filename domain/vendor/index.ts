export * from './errors';
export * from './vendor';
export * from './contract';
export * from './oversight';
export * from './questionnaire';
export * from './termination';
export * from './reports';
