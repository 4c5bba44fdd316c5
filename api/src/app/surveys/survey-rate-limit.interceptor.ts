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
import { createHmac } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { from, mergeMap, type Observable } from 'rxjs';
import { LavaConfig } from '../config/lava-config';

/**
 * A cookie-free limit on children's answers: per address and survey, counted in Redis under a key
 * that is an HMAC of the address with a secret that changes every day, so that neither Redis nor the
 * database ever holds the address (and yesterday's keys cannot be tied to today's). The keys expire
 * within a minute. An in-process limit takes over if Redis is away.
 */
@Injectable()
export class SurveyRateLimitInterceptor implements NestInterceptor, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(LavaConfig) private readonly config: LavaConfig) {
    this.redis = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 3000,
    });
    this.redis.on('error', () => undefined);
    void this.redis.connect().catch(() => undefined);
    const limits = { points: config.SURVEY_ANSWERS_PER_MINUTE, duration: 60 };
    this.limiter = new RateLimiterRedis({
      ...limits,
      storeClient: this.redis,
      keyPrefix: `${config.QUEUE_PREFIX}:survey-rate`,
      insuranceLimiter: new RateLimiterMemory(limits),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }

  /** The key: HMAC(secret of the day, survey + address). Not reversible without the secret, which is never stored. */
  key(surveyId: string, address: string, day = new Date().toISOString().slice(0, 10)): string {
    const daySecret = createHmac('sha256', this.config.JWT_SECRET).update(`survey-rate:${day}`).digest();
    return createHmac('sha256', daySecret).update(`${surveyId}\n${address}`).digest('base64url');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const surveyId = String(request.params['id'] ?? '');
    return from(this.limit(this.key(surveyId, request.ip ?? 'unknown'), response)).pipe(mergeMap(() => next.handle()));
  }

  private async limit(key: string, response: Response): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) return; // the limiter itself failed: take the answer rather than lose it
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      response.setHeader('Retry-After', String(seconds));
      throw new HttpException(
        `Many answers came from your network just now. Wait ${seconds} seconds and send again.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
