import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { ADMIN_SCOPES } from '@keyport/applications';

/** The body of `POST /v1/admin/service-accounts`. */
export class CreateServiceAccountDto {
  @ApiProperty({ description: 'Who uses it, as the audit log will name it (no control characters)', example: 'billing-export', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'must not contain control characters' })
  name!: string;

  @ApiProperty({
    description: '`keyport/admin.read` for the admin reads, `keyport/admin.write` for the admin changes',
    type: [String],
    enum: ADMIN_SCOPES,
    example: ['keyport/admin.read'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(ADMIN_SCOPES, { each: true })
  scopes!: string[];
}
