import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { DATABASE_CONNECTION, type DatabaseConnection } from './database-connection';
import { openDatabase } from './database.factory';
import { Db } from './db';
import { DatabaseHealth } from './database.health';
import { LeanReads } from './lean-reads';
import { PrismaService } from './prisma.service';
import { RecentRows } from './recent-rows';
import { Transactions } from './transactions';

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
    LeanReads,
    RecentRows,
  ],
  exports: [PrismaService, Db, Transactions, DatabaseHealth, LeanReads, RecentRows, DATABASE_CONNECTION],
})
export class DbModule {}
