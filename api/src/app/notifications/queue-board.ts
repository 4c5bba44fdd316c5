import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { CookieOptions, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { signUserToken, verifyUserToken } from '../common/signed-token';
import type { LavaConfig } from '../config/lava-config';

/**
 * Bull Board (the queues' dashboard) for admins. The API authenticates with bearer tokens kept in
 * memory, which a browser navigation cannot send; so an admin-only POST (bearer) sets a short-lived
 * signed cookie that the browser sends only to the board's path:
 * httpOnly (no script reads it), SameSite=Strict (no other site's page or form can make the browser
 * send it: the board's own POSTs are safe from CSRF), Secure in production, Path=the board.
 * Every request to the board checks the signature, the expiry, and that the person is still an active
 * admin of a top-level organization. The board is read-only: the queue is shared by every organization,
 * so retrying and removing stay with the scoped failed-deliveries list.
 *
 * Stop-gap for issue 17: the board shows every municipality's jobs (they carry only ids; scoping them
 * would need a custom adapter), so only admins of an organization with no parent (a region, whose admin
 * scope covers every municipality below it) may open it. A municipality's admin gets 403.
 */
export const QUEUE_BOARD_PATH = '/api/admin/queues/board';
/** The route below the global `api` prefix (for the middleware consumer). */
export const QUEUE_BOARD_ROUTE = 'admin/queues/board';
export const QUEUE_BOARD_COOKIE = 'lava_queue_board';
export const QUEUE_BOARD_SESSION_MS = 15 * 60_000;

const BOARD_PURPOSE = 'lava-queue-board-cookie';

export function signBoardSession(config: Pick<LavaConfig, 'JWT_SECRET'>, userId: string, expiresAt: Date): string {
  return signUserToken(config, BOARD_PURPOSE, userId, expiresAt);
}

/** The user id of a valid, unexpired session cookie; null otherwise. */
export function verifyBoardSession(config: Pick<LavaConfig, 'JWT_SECRET'>, value: string | undefined, now = Date.now()): string | null {
  return verifyUserToken(config, BOARD_PURPOSE, value, now);
}

export function boardCookieOptions(config: Pick<LavaConfig, 'NODE_ENV'>, expiresAt: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.NODE_ENV === 'production', path: QUEUE_BOARD_PATH, expires: expiresAt };
}

/** cookie-parser runs for every request (configure-app.ts), so the cookies are parsed already. */
function readCookie(request: Request, name: string): string | undefined {
  return (request as Request & { cookies?: Record<string, string> }).cookies?.[name];
}

/**
 * Whether the user is, now, an active admin of a top-level organization (one with no parent): the only
 * people the board, which shows every municipality's jobs, is for. `$1` is the user id.
 */
export const QUEUE_BOARD_ALLOWED_SQL = `SELECT 1 FROM users u WHERE u.id = $1 AND u.active AND EXISTS (
    SELECT 1 FROM memberships m JOIN organizations o ON o.id = m.organization_id
    WHERE m.user_id = u.id AND m.role = 'admin' AND o.parent_id IS NULL)`;

export async function queueBoardAllowed(db: Pick<DataSource, 'query'>, userId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(QUEUE_BOARD_ALLOWED_SQL, [userId]);
  return rows.length > 0;
}

/** Lets a request through to the board only with a valid cookie of a person who is an active top-level admin now. */
export function boardGuard(config: Pick<LavaConfig, 'JWT_SECRET'>, db: DataSource): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const userId = verifyBoardSession(config, readCookie(request, QUEUE_BOARD_COOKIE));
    const refuse = (status: number, text: string) => {
      response.status(status).type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-store');
      response.send(text);
    };
    if (!userId) {
      refuse(401, 'Open the queue dashboard from the admin page in Lava (the link is valid for 15 minutes).');
      return;
    }
    queueBoardAllowed(db, userId).then(
      (allowed) => {
        if (!allowed) refuse(403, 'The queue dashboard is only for administrators of a whole region: it shows every municipality’s jobs.');
        else next();
      },
      (error: unknown) => next(error),
    );
  };
}

/** The board's Express router, mounted at QUEUE_BOARD_PATH. */
export function createQueueBoard(queues: Queue[]): RequestHandler {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    // @bull-board/express 9.10.1 (the newest) pins its own copy of @bull-board/api 9.10.1; the two differ only in private fields.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Lava' } },
  });
  return serverAdapter.getRouter() as RequestHandler;
}
