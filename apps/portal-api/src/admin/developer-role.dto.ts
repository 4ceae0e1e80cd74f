import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class RoleDto {
  @ApiProperty({
    description: '`admin`: a member of the Cognito group `admin`, who sees the console; `developer`: everyone else',
    enum: ['admin', 'developer'],
  })
  @IsIn(['admin', 'developer'])
  role!: 'admin' | 'developer';
}
