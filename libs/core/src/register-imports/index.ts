export * from './register-fields';
export * from './register-imports.service';
export * from './register-import-apply.service';
export * from './register-import.types';
