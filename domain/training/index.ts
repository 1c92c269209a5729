export * from './trainingSession';
export * from './trainingPeople';
export * from './trainingCompliance';
export * from './trainingDuties';
