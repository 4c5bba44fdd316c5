import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHmac } from 'node:crypto';
import { from, mergeMap, type Observable } from 'rxjs';
import { rateLimiter, take, tooManyRequests, type Limiter } from '../common/rate-limit';
import { LavaConfig } from '../config/lava-config';
import { RedisClient } from '../queue/redis-client';

/**
 * A cookie-free limit on children's answers: per address and survey, counted in Redis under a key
 * that is an HMAC of the address with a secret that changes every day, so that neither Redis nor the
 * database ever holds the address (and yesterday's keys cannot be tied to today's). The keys expire
 * within a minute. An in-process limit takes over if Redis is away.
 */
@Injectable()
export class SurveyRateLimitInterceptor implements NestInterceptor {
  private readonly limiter: Limiter;

  constructor(
    @Inject(LavaConfig) private readonly config: LavaConfig,
    redisClient: RedisClient,
  ) {
    this.limiter = rateLimiter(redisClient.redis, {
      keyPrefix: redisClient.key('survey-rate'),
      points: config.SURVEY_ANSWERS_PER_MINUTE,
      duration: 60,
    });
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
    const taken = await take(this.limiter, key);
    // storeFailed: the limiter itself failed, take the answer rather than lose it.
    if (taken.kind === 'refused') {
      const seconds = taken.retryAfterSeconds;
      throw tooManyRequests(`Many answers came from your network just now. Wait ${seconds} seconds and send again.`, seconds, response);
    }
  }
}
