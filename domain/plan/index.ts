export * from './planContent';
export * from './planVersion';
export * from './rocDate';
export * from './completeness';
export * from './duties';
export * from './examplePlan';
export * from './obligations';
export * from './render';
