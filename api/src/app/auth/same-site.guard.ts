import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { LavaConfig } from '../config/lava-config';
import { crossSiteRequest } from './same-site';

const CROSS_SITE_REFUSAL = 'This request came from another website and was refused. Open Lava itself and try again.';

/** Refuses (403) a request another website's page may have made: on the cookie-authenticated auth routes. */
@Injectable()
export class SameSiteGuard implements CanActivate {
  constructor(@Inject(LavaConfig) private readonly config: LavaConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const headers = { origin: header('origin'), host: header('host'), 'sec-fetch-site': header('sec-fetch-site') };
    if (crossSiteRequest(headers, this.config.WEB_ORIGIN)) throw new ForbiddenException(CROSS_SITE_REFUSAL);
    return true;
  }
}
