import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password the account has now', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ description: 'The new password (the same policy as at sign-up)', example: 'Correct-Horse-10', maxLength: 256 })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}
