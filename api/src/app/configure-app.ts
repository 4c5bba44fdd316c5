import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation';
import type { LavaConfig } from './config/lava-config';

/** Everything applied to the HTTP app around the modules; shared by main.ts and the integration tests. */
export function configureApp(app: INestApplication, config: LavaConfig): void {
  app.setGlobalPrefix('api');
  app.use(helmet());
  app.enableCors({ origin: config.WEB_ORIGIN, credentials: true });
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
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
}
