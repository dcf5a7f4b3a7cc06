import { router } from './trpc.ts';
import { usersRouter } from './routers/users/router.ts';

// Keep routers eager (no lazy()): the OpenAPI generator walks them.
export const appRouter = router({
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
