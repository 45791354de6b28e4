import { RunProgressValue, ZoomUsersPageValue } from '@zoom-oomnitza-sync/contracts';
import { FetchJobEntity } from '../../src/fetch-jobs/fetch-job.entity';

/** Pages as "status number", e.g. "active 2", in the order they were handed on. */
export const pageKeys = (pages: ZoomUsersPageValue[]): string[] => pages.map((page) => `${page.userStatus} ${page.pageNumber}`);

export const handedOnEmails = (pages: ZoomUsersPageValue[]): Array<string | undefined> =>
  pages.flatMap((page) => page.users.map((user) => user.email));

export type StoredCheckpoint = Pick<FetchJobEntity, 'passIndex' | 'nextPageToken' | 'pageNumber'>;

export const checkpointOf = ({ passIndex, nextPageToken, pageNumber }: StoredCheckpoint): StoredCheckpoint => ({
  passIndex,
  nextPageToken,
  pageNumber,
});

/** What the fetcher reported to the scheduler and what it handed on to the mapper agree, with each other and with the job. */
export function expectCountsToBalance(job: FetchJobEntity, pages: ZoomUsersPageValue[], progress: RunProgressValue[]): void {
  const handedOn = pages.reduce((sum, page) => sum + page.users.length, 0);
  expect(progress.reduce((sum, report) => sum + report.processed, 0)).toBe(handedOn);
  expect(job.usersFetched).toBe(handedOn);
}
