import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';
import { type Invitation } from './invitation';

/** The only class that reads or writes `invitations`. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly db: Db) {}

  insert(invitation: Omit<Invitation, 'acceptedAt' | 'createdAt'>): Promise<Invitation> {
    return this.db.client.invitation.create({ data: invitation });
  }

  /** Newest first. */
  list(limit: number): Promise<Invitation[]> {
    return this.db.client.invitation.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  }

  findById(id: string): Promise<Invitation | null> {
    return this.db.client.invitation.findUnique({ where: { id } });
  }

  findByEmail(email: string): Promise<Invitation | null> {
    return this.db.client.invitation.findUnique({ where: { email } });
  }

  markSent(id: string, at: Date): Promise<Invitation> {
    return this.db.client.invitation.update({ where: { id }, data: { lastSentAt: at } });
  }

  /** True for the call that accepted it (a second completion changes nothing). */
  async markAccepted(id: string, at: Date): Promise<boolean> {
    return (await this.db.client.invitation.updateMany({ where: { id, acceptedAt: null }, data: { acceptedAt: at } })).count === 1;
  }

  async remove(id: string): Promise<void> {
    await this.db.client.invitation.deleteMany({ where: { id } });
  }
}
