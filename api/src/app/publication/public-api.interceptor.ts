import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { from, mergeMap, tap, type Observable } from 'rxjs';
import { LavaConfig } from '../config/lava-config';

/**
 * What every public route does: a per-address rate limit (Redis, shared by every API replica; an
 * in-process limit if Redis is away) and a short public cache; Express adds the ETag and answers a
 * matching If-None-Match with 304. CORS for /api/public is open (see configure-app.ts).
 */
@Injectable()
export class PublicApiInterceptor implements NestInterceptor, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(LavaConfig) config: LavaConfig) {
    this.redis = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 3000,
    });
    this.redis.on('error', () => undefined);
    void this.redis.connect().catch(() => undefined);
    const limits = { points: config.PUBLIC_RATE_LIMIT_PER_MINUTE, duration: 60 };
    this.limiter = new RateLimiterRedis({
      ...limits,
      storeClient: this.redis,
      keyPrefix: `${config.QUEUE_PREFIX}:public-rate`,
      insuranceLimiter: new RateLimiterMemory(limits),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
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
    try {
      const result = await this.limiter.consume(request.ip ?? 'unknown');
      response.setHeader('RateLimit-Remaining', String(result.remainingPoints));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) return; // the limiter itself failed: serve rather than refuse
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      response.setHeader('Retry-After', String(seconds));
      throw new HttpException(`Too many requests to the public register. Try again in ${seconds} seconds.`, HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
