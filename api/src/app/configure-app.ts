import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Application } from 'express';
import helmet from 'helmet';
import { REFRESH_COOKIE } from './auth/refresh-cookie';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { inputSafetyMiddleware } from './common/input-safety';
import { createValidationPipe } from './common/validation';
import type { LavaConfig } from './config/lava-config';

/** Everything applied to the HTTP app around the modules; shared by main.ts and the integration tests. */
export function configureApp(app: INestApplication, config: LavaConfig): void {
  app.setGlobalPrefix('api');
  // Behind nginx (docker/) every request comes from the proxy: trust X-Forwarded-For from loopback
  // and private-network peers only, so request.ip is the client's address (the per-address login
  // limit needs it). A client that is itself on a private network could put a made-up address
  // there; the per-account limit still holds for it.
  (app.getHttpAdapter().getInstance() as Application).set('trust proxy', 'loopback, linklocal, uniquelocal');
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
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

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
