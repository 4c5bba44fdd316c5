import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { giveBack, rateLimiter, take, type Limiter } from '../common/rate-limit';
import { LavaConfig } from '../config/lava-config';
import { RedisClient } from '../queue/redis-client';

export function commentsTooFastMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return minutes === 1
    ? 'You have posted many comments in a short time. Wait 1 minute and try again; your text is kept.'
    : `You have posted many comments in a short time. Wait ${minutes} minutes and try again; your text is kept.`;
}

export function mentionsTooFastMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return minutes === 1
    ? 'You have mentioned many people in a short time, and each of them gets a message. Wait 1 minute, or post without the mentions.'
    : `You have mentioned many people in a short time, and each of them gets a message. Wait ${minutes} minutes, or post without the mentions.`;
}

/**
 * How fast one person may post comments and @mention people (each mention notifies someone, often
 * by e-mail): COMMENT_RATE_LIMIT comments and MENTION_RATE_LIMIT mentions per person per
 * COMMENT_RATE_WINDOW_MINUTES, counted in Redis so that every API replica shares the count (an
 * in-process count stands in while Redis is away). Over either limit the post is refused with
 * 429 and nothing is written; the service calls this after its own checks, inside the
 * transaction, so a refused or invalid request costs nothing.
 */
@Injectable()
export class CommentRateLimit {
  private readonly comments: Limiter;
  private readonly mentions: Limiter;
  private readonly logger = new Logger('CommentRateLimit');

  constructor(@Inject(LavaConfig) config: LavaConfig, redisClient: RedisClient) {
    const duration = config.COMMENT_RATE_WINDOW_MINUTES * 60;
    const limiter = (name: string, points: number) =>
      rateLimiter(redisClient.redis, { keyPrefix: redisClient.key(`comment-rate:${name}`), points, duration });
    this.comments = limiter('comments', config.COMMENT_RATE_LIMIT);
    this.mentions = limiter('mentions', config.MENTION_RATE_LIMIT);
  }

  /**
   * Counts a post by `userId` (`comment`: a new thread or reply; false for an edit) naming
   * `mentions` newly mentioned people; throws 429 when that is over a limit (and then counts nothing).
   */
  async take(userId: string, post: { comment: boolean; mentions: number }): Promise<void> {
    if (post.comment) {
      const refused = await this.consume(this.comments, userId, 1);
      if (refused !== null) throw new HttpException(commentsTooFastMessage(refused), HttpStatus.TOO_MANY_REQUESTS);
    }
    if (post.mentions > 0) {
      const refused = await this.consume(this.mentions, userId, post.mentions);
      if (refused !== null) {
        // The count stays a little high until the window ends if this fails.
        if (post.comment) await giveBack(this.comments, userId, 1);
        throw new HttpException(mentionsTooFastMessage(refused), HttpStatus.TOO_MANY_REQUESTS);
      }
    }
  }

  /** Seconds to wait when refused; null when taken (or when the limiter itself failed: post rather than refuse). */
  private async consume(limiter: Limiter, key: string, points: number): Promise<number | null> {
    const taken = await take(limiter, key, points);
    if (taken.kind === 'refused') {
      // Asking for more than is left takes the points anyway: give them back, the post is not made.
      await giveBack(limiter, key, points);
      return taken.retryAfterSeconds;
    }
    if (taken.kind === 'storeFailed') {
      const error = taken.error;
      this.logger.warn(`Comment rate limit not applied: ${error instanceof Error ? error.message : String(error)}`);
    }
    return null;
  }
}
