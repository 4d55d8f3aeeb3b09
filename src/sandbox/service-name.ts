// Its own module so that stats.ts can name the services without importing the router's types.

export type ServiceName = 'sso-admin' | 'identitystore' | 'organizations' | 'cloudtrail';
