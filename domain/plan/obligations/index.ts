export * from './ruleSet';
export * from './ruleSets';
export * from './engine';
