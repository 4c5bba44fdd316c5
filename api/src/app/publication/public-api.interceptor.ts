import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap, tap, type Observable } from 'rxjs';
import { rateLimiter, take, tooManyRequests, type Limiter } from '../common/rate-limit';
import { LavaConfig } from '../config/lava-config';
import { RedisClient } from '../queue/redis-client';

/**
 * What every public route does: a per-address rate limit (Redis, shared by every API replica; an
 * in-process limit if Redis is away) and a short public cache; Express adds the ETag and answers a
 * matching If-None-Match with 304. CORS for /api/public is open (see configure-app.ts).
 */
@Injectable()
export class PublicApiInterceptor implements NestInterceptor {
  private readonly limiter: Limiter;

  constructor(@Inject(LavaConfig) config: LavaConfig, redisClient: RedisClient) {
    this.limiter = rateLimiter(redisClient.redis, {
      keyPrefix: redisClient.key('public-rate'),
      points: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
      duration: 60,
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.limit(request, response)).pipe(
      mergeMap(() => next.handle()),
      tap(() => {
        // Express answers JSON with an ETag and turns a matching If-None-Match into 304 (its `etag` setting).
        if (!response.headersSent) response.setHeader('Cache-Control', 'public, max-age=60');
      }),
    );
  }

  private async limit(request: Request, response: Response): Promise<void> {
    const taken = await take(this.limiter, request.ip ?? 'unknown');
    if (taken.kind === 'taken') response.setHeader('RateLimit-Remaining', String(taken.remainingPoints));
    // storeFailed: the limiter itself failed, serve rather than refuse.
    if (taken.kind === 'refused') {
      const seconds = taken.retryAfterSeconds;
      throw tooManyRequests(`Too many requests to the public register. Try again in ${seconds} seconds.`, seconds, response);
    }
  }
}
