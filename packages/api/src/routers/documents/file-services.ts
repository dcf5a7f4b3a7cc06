// What the file procedures give core: the caller's service context with the blob
// store, job queue and clock, the request id, and the upload and download settings.
import type { FileServices } from '@ap/core/documents/uploads';
import { fileSettingsFrom, type FileSettings } from '@ap/core/documents/settings';
import { systemClock } from '@ap/core/ports/clock';
import type { Deps as CoreDeps } from '@ap/core/ports/deps';
import { AppError } from '@ap/core/shared/errors';
import type { AuthedContext } from '../../trpc.ts';

type MaybeFiles = Partial<Pick<CoreDeps, 'blobs' | 'jobs' | 'clock' | 'log'>>;

/** A service this process was started without: any use of it is SERVICE_UNAVAILABLE (after access was checked). */
function unavailable<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(new AppError('SERVICE_UNAVAILABLE', `${what} is not available on this server`)),
  });
}

export function fileServices(ctx: AuthedContext): FileServices {
  const svc = ctx.svc as AuthedContext['svc'] & MaybeFiles;
  const deps = ctx.deps as AuthedContext['deps'] & MaybeFiles;
  return {
    ...svc,
    blobs: svc.blobs ?? deps.blobs ?? unavailable<CoreDeps['blobs']>('Blob Storage'),
    jobs: svc.jobs ?? deps.jobs ?? unavailable<CoreDeps['jobs']>('The job queue'),
    clock: svc.clock ?? deps.clock ?? systemClock,
    log: svc.log ?? ctx.log,
    requestId: svc.requestId ?? ctx.requestId,
  };
}

export const fileSettings = (ctx: AuthedContext): FileSettings => fileSettingsFrom(ctx.deps.env);
