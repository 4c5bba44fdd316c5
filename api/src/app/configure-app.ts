import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Application } from 'express';
import helmet from 'helmet';
import { REFRESH_COOKIE } from './auth/refresh-cookie';
import { API_MESSAGES } from './api-messages';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { inputSafetyMiddleware } from './common/input-safety';
import { createValidationPipe } from './common/validation';
import type { LavaConfig } from './config/lava-config';

/** Everything applied to the HTTP app around the modules; shared by main.ts and the integration tests. */
export function configureApp(app: INestApplication, config: LavaConfig): void {
  app.setGlobalPrefix('api');
  // Behind nginx (docker/) every request comes from the proxy: request.ip is the address the last
  // TRUST_PROXY_HOPS proxies saw (the per-address login limit counts it). Whatever a client writes
  // into X-Forwarded-For itself stays to the left of that and is ignored, from any network.
  (app.getHttpAdapter().getInstance() as Application).set('trust proxy', config.TRUST_PROXY_HOPS);
  app.use(helmet());
  // The body parsers Nest would add at init, added here so that the input check below runs after
  // them and before every guard (the sign-in's included), pipe and handler.
  (app as NestExpressApplication).useBodyParser('json');
  (app as NestExpressApplication).useBodyParser('urlencoded', { extended: true });
  app.use(inputSafetyMiddleware);
  // Reads the refresh-token cookie (POST /api/auth/refresh and /logout).
  app.use(cookieParser());
  // The public register's open data may be read from any site (no credentials); everything else only from the web app.
  app.enableCors((request: { url?: string }, callback: (error: Error | null, options: object) => void) =>
    callback(
      null,
      request.url?.startsWith('/api/public/')
        ? { origin: '*', credentials: false, maxAge: 600 }
        : { origin: config.WEB_ORIGIN, credentials: true },
    ),
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter(API_MESSAGES));
  app.enableShutdownHooks();

  // The API's map (Swagger UI and the OpenAPI document) is for development, not for the public.
  if (config.NODE_ENV === 'production') return;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Lava API')
      .setDescription('Child impact assessment (lapsivaikutusten arviointi) workflow for Finnish municipalities.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth(REFRESH_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
}
