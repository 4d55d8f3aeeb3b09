// What the per-kind readers need from the AWS context (a subset, so unit tests and the
// write path can build one without resolving an instance).
import type { AwsContext } from './context.js';

export type ReadContext = Pick<
  AwsContext,
  'clients' | 'instanceArn' | 'identityStoreId' | 'callerAccountId' | 'managementAccountId' | 'concurrency' | 'progress'
>;
