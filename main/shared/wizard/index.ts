export * from './portal-links';
export * from './external-links';
export * from './browsers';
export * from './steps';
export * from './elapsed';
export * from './retest';
export * from './clipboard';
export * from './setup-report';
