// Pagination over the SDK paginators. Every paginator runs with stopOnSameToken (a
// service that returns the same token forever — moto does for duplicated assignments —
// would otherwise loop) and a hard page cap that throws rather than silently truncating.
// Pages may be empty while NextToken is set (organizations): the paginators keep paging.
import { awsCall, type AwsService } from './errors.js';

export const MAX_PAGES = 100_000;

/** Options every paginate* call takes from here: page size is left to the caller. */
export function paginatorConfig<C>(client: C, pageSize?: number) {
  return { client, stopOnSameToken: true, ...(pageSize !== undefined ? { pageSize } : {}) };
}

/**
 * Collects the items of every page. `pages` is the paginator (lazy: nothing is sent
 * before iteration), `items` picks a page's list. A failure becomes an AwsCallError
 * naming `service operation`.
 */
export async function collectPages<P, T>(
  service: AwsService,
  operation: string,
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[] | undefined,
  maxPages: number = MAX_PAGES,
): Promise<T[]> {
  return awsCall(service, operation, async () => {
    const all: T[] = [];
    let count = 0;
    for await (const page of pages) {
      if (++count > maxPages) throw new Error(`more than ${maxPages} pages: stopping instead of reading forever`);
      all.push(...(items(page) ?? []));
    }
    return all;
  });
}
