// What the file procedures give core: the caller's service context (with every port
// and the request id), and the upload and download settings of the configuration.
import { fileSettingsFrom, type FileSettings } from '@ap/core/documents/settings';
import type { FileServices } from '@ap/core/documents/uploads';
import type { AuthedContext } from '../../trpc.ts';

export const fileServices = (ctx: AuthedContext): FileServices => ctx.svc;

export const fileSettings = (ctx: AuthedContext): FileSettings => fileSettingsFrom(ctx.deps.env);
