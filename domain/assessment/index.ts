export * from './catalog';
export * from './catalogs';
export * from './regulationCatalogs';
export * from './ecommerceChecklistParser';
export * from './assessment';
