import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { CoreModule } from '@app/core';

@Module({ imports: [ConfigModule, CoreModule] })
export class CliModule {}
