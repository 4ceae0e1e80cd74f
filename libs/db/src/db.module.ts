import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { type DatabaseConnection } from './database-connection';
import { openDatabase } from './database.factory';
import { Db } from './db';
import { DatabaseHealth } from './database.health';
import { PrismaService } from './prisma.service';
import { Transactions } from './transactions';

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DATABASE_CONNECTION,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => openDatabase(config.database),
    },
    {
      provide: PrismaService,
      inject: [DATABASE_CONNECTION],
      useFactory: (connection: DatabaseConnection) => connection.prisma,
    },
    DatabaseCloser,
    Db,
    Transactions,
    DatabaseHealth,
  ],
  exports: [PrismaService, Db, Transactions, DatabaseHealth, DATABASE_CONNECTION],
})
export class DbModule {}
