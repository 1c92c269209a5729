export * from './eventCatalog';
export * from './retrySchedule';
export * from './endpointUrl';
export * from './deadlineWarnings';
export * from './outbox';
export * from './endpoint';
