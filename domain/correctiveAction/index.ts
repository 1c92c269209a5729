export * from './correctiveAction';
