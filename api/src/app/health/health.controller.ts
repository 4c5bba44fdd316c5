import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse, HealthSummary } from '@lava/contracts';
import type { Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /**
   * Public, answered from a result a few seconds old at most. Callers on this machine that came
   * through no proxy (the container's health check, `npm start`) see each part; anyone else sees
   * only the overall status, so the endpoint tells an outsider nothing about the workers or Redis.
   */
  @Public()
  @Get()
  @ApiOkResponse({
    description: 'Database and Redis answer. `status` is "degraded" while no worker is alive; details only to internal callers.',
  })
  @ApiServiceUnavailableResponse({ description: 'The database or Redis does not answer.' })
  async check(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<HealthResponse | HealthSummary> {
    const result = await this.health.check();
    if (result.database.status === 'down' || result.redis.status === 'down') response.status(503);
    response.setHeader('Cache-Control', 'no-store');
    return internal(request) ? result : { status: result.status };
  }
}

/** A request from this machine's loopback that no proxy forwarded. */
function internal(request: Request): boolean {
  const peer = request.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  return loopback && request.headers['x-forwarded-for'] === undefined;
}
