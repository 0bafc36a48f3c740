export * from './config';
export * from './clock';
export * from './nest/platform.module';
