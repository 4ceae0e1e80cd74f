/** A user an admin invited: Cognito holds their account with a temporary password until they set their own. */
export interface Invitation {
  id: string;
  email: string;
  /** The invited user's Cognito `sub`. */
  userId: string;
  /** Invited as an admin (member of the `admin` group, no developer account). */
  admin: boolean;
  invitedBy: string | null;
  acceptedAt: Date | null;
  lastSentAt: Date;
  createdAt: Date;
}
