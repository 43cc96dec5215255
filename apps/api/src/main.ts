import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, ConfigError, loadConfig } from '@app/config';
import { assertStageGraphSound } from '@app/domain';
import { AppModule } from './app.module';

export async function createApi(): Promise<NestExpressApplication> {
  assertStageGraphSound();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '512kb' });
  app.set('trust proxy', 'loopback');
  app.enableShutdownHooks();
  return app;
}

async function main(): Promise<void> {
  try {
    loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await createApi();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`API listening on http://localhost:${config.port}/graphql`);
}

if (require.main === module) void main();
