// What the file procedures give core: the caller's service context with the blob
// store, job queue and clock, the request id, and the upload and download settings.
import type { FileServices } from '@ap/core/documents/uploads';
import { fileSettingsFrom, type FileSettings } from '@ap/core/documents/settings';
import { systemClock } from '@ap/core/ports/clock';
import type { Deps as CoreDeps } from '@ap/core/ports/deps';
import { AppError } from '@ap/core/shared/errors';
import type { AuthedContext } from '../../trpc.ts';

type MaybeFiles = Partial<Pick<CoreDeps, 'blobs' | 'jobs' | 'clock' | 'log'>>;

export function fileServices(ctx: AuthedContext): FileServices {
  const svc = ctx.svc as AuthedContext['svc'] & MaybeFiles;
  const deps = ctx.deps as AuthedContext['deps'] & MaybeFiles;
  const blobs = svc.blobs ?? deps.blobs;
  const jobs = svc.jobs ?? deps.jobs;
  if (!blobs || !jobs) throw new AppError('SERVICE_UNAVAILABLE', 'File storage is not available on this server');
  return {
    ...svc,
    blobs,
    jobs,
    clock: svc.clock ?? deps.clock ?? systemClock,
    log: svc.log ?? ctx.log,
    requestId: svc.requestId ?? ctx.requestId,
  };
}

export const fileSettings = (ctx: AuthedContext): FileSettings => fileSettingsFrom(ctx.deps.env);
