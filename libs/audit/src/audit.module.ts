import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log';
import { AuditLogReader } from './audit-log.reader';

@Global()
@Module({ providers: [AuditLog, AuditLogReader], exports: [AuditLog, AuditLogReader] })
export class AuditModule {}
