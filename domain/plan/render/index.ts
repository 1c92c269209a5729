export * from './rows';
export * from './sectionHeadings';
export * from './planDocument';
export * from './markdown';
export * from './html';
export * from './docx';
export * from './taiwanDocx';
