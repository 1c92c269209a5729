export * from './job';
export * from './period';
export * from './planInForce';
export * from './manifest';
export * from './evidencePlacement';
export * from './requestFigures';
export * from './archivePaths';
